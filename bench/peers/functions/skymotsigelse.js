// SKY-02: the cloud assessment's konklusjon contradicts drift: sky with egen_drift, or
// ikke_sky with a cloud drift. A missing drift or konklusjon is no contradiction.
import { isObject, CLOUD } from './lib/felles.js';

export default function skymotsigelse(s, opts, ctx) {
  if (!isObject(s) || !isObject(s.skyvurdering) || s.drift == null) return [];
  const k = s.skyvurdering.konklusjon;
  const path = [...ctx.path, 'skyvurdering'];
  if (k === 'sky' && s.drift === 'egen_drift') return [{ message: `Skyvurderingen konkluderer med sky, men ${s.id} driftes lokalt (egen_drift)`, path }];
  if (k === 'ikke_sky' && CLOUD.includes(s.drift)) return [{ message: `Skyvurderingen konkluderer med ikke_sky, men ${s.id} driftes i sky (${s.drift})`, path }];
  return [];
}
