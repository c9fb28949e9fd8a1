// PVN-04: personal data on a file share (filomraade: true). Options: { personopplysninger }:
// saerlige (prinsipp: feil) or vanlige (advarsel).
import { isObject } from './lib/felles.js';

export default function filomraade(s, opts, ctx) {
  if (!isObject(s) || s.filomraade !== true || s.personopplysninger !== opts.personopplysninger) return [];
  return [{ message: `${s.id} er et filområde med ${opts.personopplysninger} personopplysninger`, path: [...ctx.path, 'filomraade'] }];
}
