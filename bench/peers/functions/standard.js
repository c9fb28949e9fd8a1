// STD-01: every integration names a standard from the catalogue that is not flagged
// (proprietaer, filoverforing, …).
import { isObject, list } from './lib/felles.js';
import { KATALOG } from './lib/katalog.js';

const known = new Set(KATALOG.standards);
const flagged = new Set(KATALOG.flaggedStandards);

export default function standard(s, opts, ctx) {
  if (!isObject(s)) return [];
  const results = [];
  list(s.integrasjoner).forEach((x, i) => {
    if (!isObject(x)) return;
    const target = x.mot ?? x.motpart ?? '?';
    const path = [...ctx.path, 'integrasjoner', i];
    if (x.standard == null) results.push({ message: `Integrasjonen ${s.id} → ${target} oppgir ingen standard`, path });
    else if (flagged.has(x.standard)) results.push({ message: `Integrasjonen ${s.id} → ${target} bruker ${x.standard}, ikke et standardisert grensesnitt`, path: [...path, 'standard'] });
    else if (!known.has(x.standard)) results.push({ message: `Integrasjonen ${s.id} → ${target} bruker ${x.standard}, som ikke er en kjent standard`, path: [...path, 'standard'] });
  });
  return results;
}
