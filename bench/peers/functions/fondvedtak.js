// FOND-02: every financing entry from the digitaliseringsfond (any case, spaces and hyphens
// aside, also «digitaliseringsfondet») names its vedtak.
import { isObject, list, given } from './lib/felles.js';

export function isTheFund(source) {
  if (typeof source !== 'string') return false;
  const name = source.replace(/[\s-]/gu, '').toLowerCase();
  return name === 'digitaliseringsfond' || name === 'digitaliseringsfondet';
}

export default function fondvedtak(p, opts, ctx) {
  if (!isObject(p)) return [];
  const results = [];
  list(p.finansiering).forEach((f, i) => {
    if (isObject(f) && isTheFund(f.kilde) && !given(f.vedtak)) {
      results.push({ message: `Penger fra digitaliseringsfondet${typeof f.belop_nok === 'number' ? ` (${f.belop_nok} kr)` : ''} uten vedtak`, path: [...ctx.path, 'finansiering', i] });
    }
  });
  return results;
}
