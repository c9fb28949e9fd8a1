// INNUT-04, the part one file can see: an open project's utfaser entry names a system that
// another open project IN THE SAME FILE (prosjekter: with several) also phases out.
// Not seen: projects in other files, and systems that are already avviklet (inventory).
// Given: the document root.
import { isObject, list, isOpen } from './lib/felles.js';

export default function dobbeltutfasing(root) {
  if (!isObject(root)) return [];
  const projects = [];
  if (isObject(root.prosjekt)) projects.push([root.prosjekt, ['prosjekt']]);
  list(root.prosjekter).forEach((p, i) => projects.push([p, ['prosjekter', i]]));
  const open = projects.filter(([p]) => isObject(p) && p.fase !== 'ide' && isOpen(p));
  const retiring = new Map();
  for (const [p] of open) {
    for (const id of new Set(list(p.utfaser).map((u) => isObject(u) ? u.system : undefined).filter((x) => typeof x === 'string'))) {
      if (!retiring.has(id)) retiring.set(id, []);
      retiring.get(id).push(p.id);
    }
  }
  const results = [];
  for (const [p, path] of open) {
    list(p.utfaser).forEach((u, i) => {
      if (!isObject(u) || typeof u.system !== 'string') return;
      const others = (retiring.get(u.system) || []).filter((o) => o !== p.id);
      if (others.length) results.push({ message: `${u.system} fases også ut av det åpne prosjektet ${others.join(', ')}`, path: [...path, 'utfaser', i] });
    });
  }
  return results;
}
