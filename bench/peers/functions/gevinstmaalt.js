// GEV-05: in fase realisere, a benefit whose realiseres has passed has maalinger.
import { isObject, list, parseDate, num, today } from './lib/felles.js';

export default function gevinstmaalt(p, opts, ctx) {
  if (!isObject(p) || p.fase !== 'realisere' || !isObject(p.gevinstplan)) return [];
  const now = today();
  const results = [];
  list(p.gevinstplan.gevinster).forEach((b, i) => {
    if (!isObject(b) || list(b.maalinger).length > 0) return;
    const due = parseDate(b.realiseres);
    if (due && num(due) < num(now)) {
      results.push({ message: `Gevinst ${b.id ?? `nr. ${i + 1}`} skulle vært realisert ${b.realiseres}, men har ingen maalinger`, path: [...ctx.path, 'gevinstplan', 'gevinster', i] });
    }
  });
  return results;
}
