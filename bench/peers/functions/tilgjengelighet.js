// UU-01: a publikumsrettet system has a tilgjengelighetserklaering that is a link
// (http(s)://…) or holds a date (YYYY-MM-DD or D.M.YYYY); a placeholder is no statement.
import { isObject, given, parseDate } from './lib/felles.js';

function isStatement(v) {
  const text = String(v).trim();
  if (/^https?:\/\//i.test(text)) return true;
  const iso = text.split(/[^0-9-]/).some((w) => /^\d{4}-\d{2}-\d{2}$/.test(w) && parseDate(w));
  const nb = text.split(/[^0-9.]/).some((w) => {
    const p = w.split('.');
    if (p.length !== 3 || p[2].length !== 4 || !/^\d+$/.test(p[2])) return false;
    const d = /^\d+$/.test(p[0]) ? Number(p[0]) : NaN;
    const m = /^\d+$/.test(p[1]) ? Number(p[1]) : NaN;
    return d >= 1 && d <= 31 && m >= 1 && m <= 12;
  });
  return iso || nb;
}

export default function tilgjengelighet(s, opts, ctx) {
  if (!isObject(s) || s.publikumsrettet !== true) return [];
  const t = s.tilgjengelighetserklaering;
  if (given(t) && isStatement(t)) return [];
  if (given(t)) return [{ message: `Tilgjengelighetserklæringen for ${s.id} er «${t}», som verken er en lenke eller en dato`, path: [...ctx.path, 'tilgjengelighetserklaering'] }];
  return [{ message: `${s.id} brukes av innbyggere, men har ingen tilgjengelighetserklæring` }];
}
