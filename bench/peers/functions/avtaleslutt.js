// SKY-03: an active on-premises system whose agreement ends within varsel_maaneder (or has
// ended) needs a cloud assessment dated within the last gyldighet_maaneder.
import { isObject, parseDate, num, addMonths, today } from './lib/felles.js';

export default function avtaleslutt(s, opts, ctx) {
  if (!isObject(s) || s.livslop !== 'aktiv' || s.drift !== 'egen_drift') return [];
  const expires = isObject(s.avtale) ? parseDate(s.avtale.utloper) : null;
  if (!expires) return [];
  const now = today();
  if (num(expires) > num(addMonths(now, opts.varsel_maaneder))) return [];
  const a = isObject(s.skyvurdering) ? parseDate(s.skyvurdering.dato) : null;
  if (a && num(a) >= num(addMonths(now, -opts.gyldighet_maaneder))) return [];
  return [{
    message: `Avtalen ${num(expires) < num(now) ? 'utløp' : 'utløper'} ${s.avtale.utloper}, og det finnes ingen skyvurdering fra de siste ${opts.gyldighet_maaneder} månedene`,
    path: [...ctx.path, 'avtale', 'utloper'],
  }];
}
