// AVV-03: gyldig_til lies between the evaluation date and `dager` days later (both included).
import { isObject, parseDate, num, addDays, today } from './lib/felles.js';

export default function snart(a, opts, ctx) {
  if (!isObject(a)) return [];
  const until = parseDate(a.gyldig_til);
  const now = today();
  if (!until || num(until) < num(now) || num(until) > num(addDays(now, opts.dager))) return [];
  return [{ message: `Avviket for ${a.regel} på ${a.gjelder} utløper ${a.gyldig_til}, innen ${opts.dager} dager`, path: [...ctx.path, 'gyldig_til'] }];
}
