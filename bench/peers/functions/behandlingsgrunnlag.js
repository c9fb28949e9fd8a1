// PVN-05: a system with personal data states its behandlingsgrunnlag.
import { isObject, hasPersonalData, given } from './lib/felles.js';

export default function behandlingsgrunnlag(s) {
  if (!isObject(s) || !hasPersonalData(s) || given(s.behandlingsgrunnlag)) return [];
  return [{ message: `${s.id} har personopplysninger, men behandlingsgrunnlag er ikke oppgitt` }];
}
