// GEV-04: a project with at least one benefit names a gevinstansvarlig, and it is the
// prosjekteier (compared trimmed and case-insensitively).
import { isObject, list } from './lib/felles.js';

const norm = (v) => String(v).trim().toLowerCase();

export default function gevinstansvarlig(p, opts, ctx) {
  if (!isObject(p) || !isObject(p.gevinstplan) || list(p.gevinstplan.gevinster).length === 0) return [];
  const r = p.gevinstplan.gevinstansvarlig;
  const path = [...ctx.path, 'gevinstplan'];
  if (r == null) return [{ message: 'Gevinstplanen mangler gevinstansvarlig', path }];
  if (p.prosjekteier == null) return [{ message: `Gevinstansvarlig ${r} kan ikke sammenlignes: prosjektet mangler prosjekteier`, path: [...path, 'gevinstansvarlig'] }];
  if (norm(r) === norm(p.prosjekteier)) return [];
  return [{ message: `Gevinstansvarlig (${r}) er ikke prosjekteier (${p.prosjekteier})`, path: [...path, 'gevinstansvarlig'] }];
}
