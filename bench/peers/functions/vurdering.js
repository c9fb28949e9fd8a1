// SAM-01 (samarbeidsvurdering) and MIL-01 (miljovurdering): a project that brings in new
// systems has made the assessment and written its konklusjon. Options: { felt }
import { isObject, list, given } from './lib/felles.js';

export default function vurdering(p, opts, ctx) {
  if (!isObject(p) || list(p.nye_systemer).length === 0) return [];
  const a = p[opts.felt];
  if (!isObject(a)) return [{ message: `Prosjektet tar inn nye systemer uten ${opts.felt}`, path: [...ctx.path, 'nye_systemer'] }];
  if (!given(a.konklusjon)) return [{ message: `${opts.felt} mangler konklusjon`, path: [...ctx.path, opts.felt] }];
  return [];
}
