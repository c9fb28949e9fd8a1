// PVN-01: a system with personal data has a dpia. High risk (saerlige, or any hoy_risiko)
// needs a full one (type not forvurdering); otherwise a forvurdering will do.
// Options: { hoyRisiko: true | false }: which half of the rule (prinsipp grades them feil/advarsel).
import { isObject, hasPersonalData, highRisk } from './lib/felles.js';

export default function dpia(s, opts, ctx) {
  if (!isObject(s) || !hasPersonalData(s) || highRisk(s) !== opts.hoyRisiko) return [];
  if (!opts.hoyRisiko) {
    return s.dpia == null ? [{ message: `${s.id} har personopplysninger uten dpia, og uten en forvurdering av om DPIA trengs` }] : [];
  }
  if (s.dpia == null) return [{ message: `${s.id} har behandling med høy risiko, men ingen DPIA` }];
  if (isObject(s.dpia) && s.dpia.type === 'forvurdering') {
    return [{ message: `${s.id} har behandling med høy risiko, men bare en forvurdering`, path: [...ctx.path, 'dpia', 'type'] }];
  }
  return [];
}
