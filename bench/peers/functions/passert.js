// A date that has passed (before the evaluation date): INV-02 (avtale.utloper), INNUT-06
// (the system's own utfases), AVV-02 (gyldig_til). Options: { felt: 'avtale.utloper', melding }.
import { isObject, get, parseDate, num, today } from './lib/felles.js';

export default function passert(target, opts, ctx) {
  if (!isObject(target)) return [];
  const raw = get(target, opts.felt);
  const date = parseDate(raw);
  if (!date || num(date) >= num(today())) return [];
  return [{ message: `${opts.melding} (${opts.felt}: ${raw})`, path: [...ctx.path, ...opts.felt.split('.')] }];
}
