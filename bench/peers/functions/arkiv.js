// ARK-01: an arkivverdig system in utfasing or avviklet names its arkiv metode and depot.
import { isObject, given, present, join } from './lib/felles.js';

export default function arkiv(s, opts, ctx) {
  if (!isObject(s) || !isObject(s.arkiv) || s.arkiv.arkivverdig !== true) return [];
  if (s.livslop !== 'utfasing' && s.livslop !== 'avviklet') return [];
  const missing = [];
  if (!present(s.arkiv.metode)) missing.push('metode');
  if (!given(s.arkiv.depot)) missing.push('depot');
  return missing.length ? [{ message: `Arkivverdige ${s.id} er ${s.livslop}, men arkiv mangler ${join(missing)}`, path: [...ctx.path, 'arkiv'] }] : [];
}
