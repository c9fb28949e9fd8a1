// PV-02: a project with budsjett_nok lists financing whose belop_nok add up to the budget.
// An entry without an amount makes the sum unknown, and then nothing is said.
import { isObject, list } from './lib/felles.js';

export default function finansiering(p, opts, ctx) {
  if (!isObject(p) || typeof p.budsjett_nok !== 'number') return [];
  const entries = list(p.finansiering);
  if (entries.some((f) => !isObject(f) || typeof f.belop_nok !== 'number')) return [];
  const sum = entries.reduce((a, f) => a + f.belop_nok, 0);
  if (sum >= p.budsjett_nok) return [];
  const msg = entries.length ? `Finansieringen (${sum} kr) dekker ikke budsjettet (${p.budsjett_nok} kr)` : `Budsjettet er ${p.budsjett_nok} kr, men ingen finansiering er ført opp`;
  return [{ message: msg, path: [...ctx.path, p.finansiering ? 'finansiering' : 'budsjett_nok'] }];
}
