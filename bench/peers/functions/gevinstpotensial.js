// GEV-07: an idea has a gevinstpotensial, or a gevinstplan with at least one gevinst.
import { isObject, list, given } from './lib/felles.js';

export default function gevinstpotensial(p) {
  if (!isObject(p) || given(p.gevinstpotensial)) return [];
  if (isObject(p.gevinstplan) && list(p.gevinstplan.gevinster).length > 0) return [];
  return [{ message: 'Idéen har verken gevinstpotensial eller en gevinstplan med gevinster' }];
}
