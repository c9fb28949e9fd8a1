// GEV-01: a judged project has a gevinstplan with at least one gevinst. (The Spectral rules
// choose the phases: error from planlegge on, warning before.)
import { isObject, list } from './lib/felles.js';

export default function gevinstplan(p) {
  if (!isObject(p)) return [];
  if (!isObject(p.gevinstplan)) return [{ message: 'Prosjektet mangler gevinstplan' }];
  if (list(p.gevinstplan.gevinster).length === 0) return [{ message: 'Gevinstplanen har ingen gevinster' }];
  return [];
}
