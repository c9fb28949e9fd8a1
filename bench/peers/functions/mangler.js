// One result per object that lacks some of `felter` (listing all of them), as prinsipp's
// rules that say "mangler X, Y" do: a text must have more than whitespace, `datoer` and
// `verdier` only need to be written, and a value in `ukjent` counts as missing.
// Options: { objekt?: 'styring', felter: [...], datoer?: [...], verdier?: [...],
//            ukjent?: { felt: [values] }, hva: 'styring' }
import { given, present, isObject, join } from './lib/felles.js';

export default function mangler(target, opts, ctx) {
  if (!isObject(target)) return [];
  const obj = opts.objekt ? target[opts.objekt] : target;
  const o = isObject(obj) ? obj : {};
  const missing = [];
  for (const f of opts.felter || []) if (!given(o[f])) missing.push(f);
  for (const f of opts.datoer || []) if (!present(o[f])) missing.push(f);
  for (const f of opts.verdier || []) {
    const unknown = (opts.ukjent || {})[f] || [];
    if (!present(o[f]) || unknown.includes(o[f])) missing.push(f);
  }
  if (missing.length === 0) return [];
  const what = opts.hva || opts.objekt || 'oppføringen';
  const path = opts.objekt && isObject(obj) ? [...ctx.path, opts.objekt] : ctx.path;
  return [{ message: `${what} mangler ${join(missing)}`, path }];
}
