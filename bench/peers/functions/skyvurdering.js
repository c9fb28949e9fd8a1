// SKY-01: a new system that is not in the cloud (drift egen_drift or missing) needs a
// skyvurdering with a konklusjon; ikke_sky also needs grunner and a begrunnelse.
// konklusjon sky with egen_drift is SKY-02's finding.
import { given, isObject, list, join, CLOUD } from './lib/felles.js';

export default function skyvurdering(s) {
  if (!isObject(s) || CLOUD.includes(s.drift)) return [];
  const a = s.skyvurdering;
  const who = `Nytt system ${s.id} driftes ${s.drift ? 'lokalt (egen_drift)' : 'uten oppgitt drift'}`;
  if (!isObject(a)) return [{ message: `${who} og har ingen skyvurdering` }];
  if (a.konklusjon == null) return [{ message: `${who}; skyvurderingen mangler konklusjon` }];
  if (a.konklusjon !== 'ikke_sky') return [];
  const missing = [];
  if (list(a.grunner).length === 0) missing.push('grunner');
  if (!given(a.begrunnelse)) missing.push('begrunnelse');
  return missing.length ? [{ message: `${who}; skyvurderingen (ikke_sky) mangler ${join(missing)}` }] : [];
}
