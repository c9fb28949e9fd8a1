// GEV-06: in fase gjennomfore, avslutte or realisere, a benefit plan with benefits has a
// sist_oppdatert within the last `maaneder` months.
import { isObject, list, parseDate, num, addMonths, today } from './lib/felles.js';

export default function gevinstplanoppdatert(p, opts, ctx) {
  if (!isObject(p) || !['gjennomfore', 'avslutte', 'realisere'].includes(p.fase)) return [];
  const plan = p.gevinstplan;
  if (!isObject(plan) || list(plan.gevinster).length === 0) return [];
  const path = [...ctx.path, 'gevinstplan'];
  const updated = parseDate(plan.sist_oppdatert);
  if (plan.sist_oppdatert == null || !updated) return [{ message: 'Gevinstplanen mangler sist_oppdatert', path }];
  if (num(updated) >= num(addMonths(today(), -opts.maaneder))) return [];
  return [{ message: `Gevinstplanen ble sist oppdatert ${plan.sist_oppdatert}, mer enn ${opts.maaneder} måneder siden`, path: [...path, 'sist_oppdatert'] }];
}
