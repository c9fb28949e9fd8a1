// FK-02: an active system's capability that the catalogue maps to national components uses
// one of them (felleskomponenter, or an integration's mot). The kommune's own identity
// provider (kommune.yaml identitetsleverandor), which also covers ansatt-autentisering, is
// not seen: a system that uses it for staff login is reported here and not by prinsipp.
import { isObject, list } from './lib/felles.js';
import { KATALOG } from './lib/katalog.js';

export default function fkkapabilitet(s, opts, ctx) {
  if (!isObject(s) || s.livslop !== 'aktiv') return [];
  const results = [];
  list(s.kapabiliteter).forEach((cap, i) => {
    const components = KATALOG.capabilities[cap];
    if (!components) return;
    const used = components.some((k) => list(s.felleskomponenter).includes(k) || list(s.integrasjoner).some((x) => isObject(x) && x.mot === k));
    if (used) return;
    const names = components.length === 1 ? `ikke ${components[0]}` : `verken ${components.slice(0, -1).join(', ')} eller ${components[components.length - 1]}`;
    results.push({ message: `Aktivt system med kapabiliteten ${cap}, men bruker ${names}`, path: [...ctx.path, 'kapabiliteter', i] });
  });
  return results;
}
