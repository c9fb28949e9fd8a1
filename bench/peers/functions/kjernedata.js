// DATA-03: a core system in use (the Spectral rule gives only inventory systems that are not
// new) describes its data in datasett.
import { isObject, list } from './lib/felles.js';

export default function kjernedata(s) {
  if (!isObject(s) || s.kjernesystem !== true || list(s.datasett).length > 0) return [];
  return [{ message: `Kjernesystemet ${s.id} har ingen datasett` }];
}
