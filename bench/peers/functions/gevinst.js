// GEV-02: a benefit has kategori, indikator, gevinsteier and realiseres; a kvantitativ one
// also maaleenhet, nullpunkt (verdi and dato) and a maalverdi that differs from the baseline.
// Given: each benefit of a judged project.
import { given, present, isObject, join } from './lib/felles.js';

export default function gevinst(b, opts, ctx) {
  if (!isObject(b)) return [];
  const missing = [];
  if (!present(b.kategori)) missing.push('kategori');
  if (!given(b.indikator)) missing.push('indikator');
  if (!given(b.gevinsteier)) missing.push('gevinsteier');
  if (!present(b.realiseres)) missing.push('realiseres');
  let same = false;
  if (b.type === 'kvantitativ') {
    const base = isObject(b.nullpunkt) ? b.nullpunkt : {};
    if (!given(b.maaleenhet)) missing.push('maaleenhet');
    if (typeof base.verdi !== 'number') missing.push('nullpunkt.verdi');
    if (!present(base.dato)) missing.push('nullpunkt.dato');
    if (typeof b.maalverdi !== 'number') missing.push('maalverdi');
    else if (typeof base.verdi === 'number' && b.maalverdi === base.verdi) same = true;
  }
  if (!missing.length && !same) return [];
  const parts = [];
  if (missing.length) parts.push(`mangler ${join(missing)}`);
  if (same) parts.push('har maalverdi lik nullpunktet');
  return [{ message: `Gevinst ${b.id ?? `nr. ${ctx.path[ctx.path.length - 1] + 1}`} ${parts.join(' og ')}` }];
}
