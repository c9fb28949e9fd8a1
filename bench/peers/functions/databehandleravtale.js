// PVN-02: a system that still holds its data (not avviklet, or avviklet without an
// arkiv.data_slettet on or before the evaluation date), with personal data, that someone
// other than the kommune processes (cloud drift, or driftes_av ikt_samarbeid/leverandor),
// has a databehandleravtale.
import { isObject, hasPersonalData, parseDate, num, today, CLOUD } from './lib/felles.js';

export default function databehandleravtale(s, opts, ctx) {
  if (!isObject(s) || !hasPersonalData(s) || s.databehandleravtale != null) return [];
  if (s.livslop === 'avviklet') {
    const deleted = isObject(s.arkiv) ? parseDate(s.arkiv.data_slettet) : null;
    if (deleted && num(deleted) <= num(today())) return [];
  }
  const cloud = CLOUD.includes(s.drift);
  const others = s.driftes_av === 'ikt_samarbeid' || s.driftes_av === 'leverandor';
  if (!cloud && !others) return [];
  const why = cloud ? `driftes i sky (${s.drift})` : `driftes av andre enn kommunen (driftes_av: ${s.driftes_av})`;
  return [{ message: `${s.id} ${why} med personopplysninger, men har ingen databehandleravtale` }];
}
