// Helpers the custom functions share. They read values the way docs/datamodell.md says
// prinsipp reads them, as far as one file allows.

/** A text counts as given when it has more than whitespace (prinsipp's `given`). Free-text
 * fields take any scalar, so a number or a boolean is given too. */
export function given(v) {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return typeof v === 'number' || typeof v === 'boolean';
}

/** A value that is written at all (a date, an enum, an object). */
export function present(v) {
  return v !== undefined && v !== null;
}

export function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function list(v) {
  return Array.isArray(v) ? v : [];
}

/** `a.b.c` of an object, or undefined. */
export function get(obj, dotted) {
  let v = obj;
  for (const k of dotted.split('.')) {
    if (!isObject(v)) return undefined;
    v = v[k];
  }
  return v;
}

export function join(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

// --- Dates -------------------------------------------------------------------------------
// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (also the YAML integer 2023), which stand for the
// first day of that period. A date is {y, m, d}; `num` orders dates.

function daysIn(y, m) {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function parseDate(v) {
  if (typeof v === 'number' && Number.isInteger(v)) v = String(v);
  if (typeof v !== 'string') return null;
  const m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return { y, m: mo, d };
}

export function num(date) {
  return date.y * 10000 + date.m * 100 + date.d;
}

export function show(date) {
  const p = (n, w) => String(n).padStart(w, '0');
  return `${p(date.y, 4)}-${p(date.m, 2)}-${p(date.d, 2)}`;
}

/** Whole months later (negative: earlier); the day is clamped to the month's length. */
export function addMonths(date, months) {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysIn(y, m)) };
}

export function addDays(date, days) {
  const t = Date.UTC(date.y, date.m - 1, date.d) + days * 86400000;
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

/** The evaluation date: PRINSIPP_DATO (YYYY-MM-DD, as `prinsipp check --dato`) or today (UTC). */
export function today() {
  const fixed = typeof process !== 'undefined' && process.env ? process.env.PRINSIPP_DATO : undefined;
  if (fixed) {
    const d = parseDate(fixed);
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`PRINSIPP_DATO=${fixed} is not YYYY-MM-DD`);
    return d;
  }
  const now = new Date();
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

/** A dated document's age (ros, dpia, tilgangsrevisjon): null when recent enough, or undated
 * but kept in a register (Draftit) where its date is followed up; else what is wrong. */
export function stale(doc, months) {
  const oldest = addMonths(today(), -months);
  const date = parseDate(doc.dato);
  if (!present(doc.dato) || !date) {
    return given(doc.register) ? null : 'har verken dato eller register';
  }
  return num(date) < num(oldest) ? `er fra ${doc.dato}, eldre enn ${months} måneder` : null;
}

// --- Systems and projects ------------------------------------------------------------------

export const CLOUD = ['saas', 'paas', 'iaas', 'privat_sky', 'fellessky'];

export function hasPersonalData(s) {
  return s.personopplysninger === 'vanlige' || s.personopplysninger === 'saerlige';
}

/** GDPR art. 35 high risk: special categories, or any hoy_risiko criterion. */
export function highRisk(s) {
  return s.personopplysninger === 'saerlige' || list(s.hoy_risiko).length > 0;
}

export function isOpen(p) {
  return p.fase == null || ['konsept', 'planlegge', 'gjennomfore'].includes(p.fase);
}
