// SIK-01: a system with personal data has a ros dated within `maaneder` months, or one kept
// in a register.
import { isObject, hasPersonalData, stale } from './lib/felles.js';

export default function ros(s, opts, ctx) {
  if (!isObject(s) || !hasPersonalData(s)) return [];
  if (!isObject(s.ros)) return [{ message: `${s.id} har personopplysninger, men ingen ROS-vurdering` }];
  const problem = stale(s.ros, opts.maaneder);
  return problem ? [{ message: `ROS-vurderingen for ${s.id} ${problem}`, path: [...ctx.path, 'ros'] }] : [];
}
