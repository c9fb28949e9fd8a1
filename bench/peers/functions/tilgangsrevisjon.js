// SIK-02: an inventory system in use (livslop aktiv, utfasing, ukjent or not given) with
// personopplysninger saerlige has a tilgangsrevisjon within `maaneder` months, or one kept
// in a register.
import { isObject, stale } from './lib/felles.js';

export default function tilgangsrevisjon(s, opts, ctx) {
  if (!isObject(s) || s.personopplysninger !== 'saerlige') return [];
  if (!(s.livslop == null || ['aktiv', 'utfasing', 'ukjent'].includes(s.livslop))) return [];
  if (!isObject(s.tilgangsrevisjon)) return [{ message: `${s.id} har særlige kategorier, men ingen tilgangsrevisjon` }];
  const problem = stale(s.tilgangsrevisjon, opts.maaneder);
  return problem ? [{ message: `Tilgangsrevisjonen for ${s.id} ${problem}`, path: [...ctx.path, 'tilgangsrevisjon'] }] : [];
}
