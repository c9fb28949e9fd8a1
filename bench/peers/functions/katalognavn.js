// FK-03, the part one file can see: a capability (behov, kapabiliteter), a component
// (felleskomponenter) or an integration standard that the catalogue does not know.
// Not seen: an integration's mot (it may name a system of another file), and the kommune's
// own identity provider, which kommune.yaml adds to the components.
// Options: { hva: 'prosjekt' | 'system' }
import { isObject, list } from './lib/felles.js';
import { KATALOG } from './lib/katalog.js';

const capabilities = new Set([...Object.keys(KATALOG.capabilities), ...KATALOG.generalCapabilities]);
const components = new Set(KATALOG.components);
const standards = new Set(KATALOG.standards);

export default function katalognavn(t, opts, ctx) {
  if (!isObject(t)) return [];
  const results = [];
  const check = (key, known, what) => list(t[key]).forEach((name, i) => {
    if (typeof name === 'string' && !known.has(name)) results.push({ message: `${what} ${name} finnes ikke i katalogen`, path: [...ctx.path, key, i] });
  });
  if (opts.hva === 'prosjekt') {
    check('behov', capabilities, 'Behovet');
    check('felleskomponenter', components, 'Felleskomponenten');
  } else {
    check('kapabiliteter', capabilities, 'Kapabiliteten');
    check('felleskomponenter', components, 'Felleskomponenten');
    list(t.integrasjoner).forEach((x, i) => {
      if (isObject(x) && typeof x.standard === 'string' && !standards.has(x.standard)) {
        results.push({ message: `Integrasjonsstandarden ${x.standard} finnes ikke i katalogen`, path: [...ctx.path, 'integrasjoner', i, 'standard'] });
      }
    });
  }
  return results;
}
