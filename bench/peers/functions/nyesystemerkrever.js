// PROS-01 (prosesskartlegging), PROS-02 (brukerinnsikt), ARKF-01 (arkitekturgodkjenning):
// a project that brings in new systems has `felt`. (The Spectral rules choose the phases.)
// Options: { felt }
import { isObject, list } from './lib/felles.js';

export default function nyesystemerkrever(p, opts, ctx) {
  if (!isObject(p) || list(p.nye_systemer).length === 0 || isObject(p[opts.felt])) return [];
  return [{ message: `Prosjektet tar inn nye systemer uten ${opts.felt}`, path: [...ctx.path, 'nye_systemer'] }];
}
