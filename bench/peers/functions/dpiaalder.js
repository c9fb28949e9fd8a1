// PVN-03: a high-risk system (personopplysninger saerlige, or any hoy_risiko) with a full
// dpia (type not forvurdering) has a dpia dated within `maaneder` months, or one kept in a
// register.
import { isObject, hasPersonalData, highRisk, stale } from './lib/felles.js';

export default function dpiaalder(s, opts, ctx) {
  if (!isObject(s) || !hasPersonalData(s) || !highRisk(s) || !isObject(s.dpia) || s.dpia.type === 'forvurdering') return [];
  const problem = stale(s.dpia, opts.maaneder);
  return problem ? [{ message: `DPIA-en for ${s.id} ${problem}`, path: [...ctx.path, 'dpia'] }] : [];
}
