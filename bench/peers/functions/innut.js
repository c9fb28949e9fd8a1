// INNUT-01: a project with N entries in nye_systemer lists at least ceil(N × forhold) in utfaser.
import { isObject, list } from './lib/felles.js';

export default function innut(p, opts, ctx) {
  if (!isObject(p)) return [];
  const n = list(p.nye_systemer).length;
  const out = list(p.utfaser).length;
  const needed = Math.max(0, Math.ceil(n * opts.forhold - 1e-9));
  if (n === 0 || out >= needed) return [];
  return [{ message: `${n} nye systemer, men bare ${out} oppføringer i utfaser (minst ${needed})`, path: [...ctx.path, p.utfaser ? 'utfaser' : 'nye_systemer'] }];
}
