// AVV-01, the part one file can see: an avvik entry has begrunnelse, vedtatt_av and dato, and
// its regel is a known rule code. Not seen: whether gjelder names a system or project id
// (they live in other files); `portefolje` is always accepted.
import { isObject, given, present, join } from './lib/felles.js';
import { KATALOG } from './lib/katalog.js';

const codes = new Set(KATALOG.ruleCodes);

export default function avvik(a, opts, ctx) {
  if (!isObject(a)) return [];
  const problems = [];
  const missing = [];
  if (!given(a.begrunnelse)) missing.push('begrunnelse');
  if (!given(a.vedtatt_av)) missing.push('vedtatt_av');
  if (!present(a.dato)) missing.push('dato');
  if (missing.length) problems.push(`mangler ${join(missing)}`);
  if (!codes.has(String(a.regel))) problems.push(`regel ${a.regel} er ikke en kjent regelkode`);
  return problems.length ? [{ message: `Avviket for ${a.regel} på ${a.gjelder} ${problems.join(' og ')}` }] : [];
}
