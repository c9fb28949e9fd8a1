// FK-01: each need (behov) that the catalogue maps to national components is met by one of
// them: in the project's felleskomponenter, or in felleskomponenter or an integration (mot)
// of a new system written inline. A new system named by reference (`- system: id`) lives in
// another file: when the project has one, an unmet need is not reported (the reference may
// meet it), so this rule can miss findings but does not invent them. The kommune's own
// identity provider (kommune.yaml) is not seen either.
import { isObject, list } from './lib/felles.js';
import { KATALOG } from './lib/katalog.js';

function uses(s, k) {
  return list(s.felleskomponenter).includes(k) || list(s.integrasjoner).some((i) => isObject(i) && i.mot === k);
}

export default function fkbehov(p, opts, ctx) {
  if (!isObject(p)) return [];
  const entries = list(p.nye_systemer).filter(isObject);
  const inline = entries.filter((e) => e.system === undefined);
  const hasReference = entries.some((e) => e.system !== undefined);
  const results = [];
  list(p.behov).forEach((need, i) => {
    const components = KATALOG.capabilities[need];
    if (!components) return;
    const met = components.some((k) => list(p.felleskomponenter).includes(k) || inline.some((s) => uses(s, k)));
    if (met || hasReference) return;
    results.push({ message: `Behovet ${need} dekkes av ${components.join(' eller ')}, men verken prosjektet eller de nye systemene bruker dem`, path: [...ctx.path, 'behov', i] });
  });
  return results;
}
