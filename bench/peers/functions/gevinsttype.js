// GEV-03 (type kvantitativ) and GEV-08 (type kvalitativ): a project with at least one
// benefit has one of the given type. Options: { type: 'kvantitativ' | 'kvalitativ' }
import { isObject, list } from './lib/felles.js';

export default function gevinsttype(p, opts, ctx) {
  if (!isObject(p) || !isObject(p.gevinstplan)) return [];
  const benefits = list(p.gevinstplan.gevinster);
  if (benefits.length === 0 || benefits.some((b) => isObject(b) && b.type === opts.type)) return [];
  return [{ message: `Ingen av gevinstene har type ${opts.type}`, path: [...ctx.path, 'gevinstplan', 'gevinster'] }];
}
