// PV-03: styring.metodikk, when given, names Prosjektveiviseren (letters only, any case).
import { isObject, given } from './lib/felles.js';

export default function prosjektveiviseren(p, opts, ctx) {
  if (!isObject(p) || !isObject(p.styring) || !given(p.styring.metodikk)) return [];
  const letters = String(p.styring.metodikk).toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.includes('prosjektveiviser')) return [];
  return [{ message: `Metodikken (${p.styring.metodikk}) er ikke Prosjektveiviseren`, path: [...ctx.path, 'styring', 'metodikk'] }];
}
