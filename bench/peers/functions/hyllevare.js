// HYL-01: a core system (kjernesystem: true) is hyllevare or tilpasset_hyllevare.
import { isObject } from './lib/felles.js';

export default function hyllevare(s, opts, ctx) {
  if (!isObject(s) || s.kjernesystem !== true) return [];
  if (s.programvaretype === 'hyllevare' || s.programvaretype === 'tilpasset_hyllevare') return [];
  const what = s.programvaretype == null ? 'oppgir ikke programvaretype' : `er ${s.programvaretype}`;
  return [{ message: `Kjernesystemet ${s.id} ${what}, ikke hyllevare`, path: s.programvaretype == null ? ctx.path : [...ctx.path, 'programvaretype'] }];
}
