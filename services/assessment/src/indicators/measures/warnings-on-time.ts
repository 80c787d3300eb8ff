import type { RecordItem } from '../../rankings/ranking.model';
import type { Fact } from '../fact.model';
import { type Indicator, percent } from '../measurement';

/**
 * How one warning counts for a period (pure): `on_time` or `late` when it counts, `null` when
 * it does not. It counts when it is due in the period or decided in it; decided by its due day
 * (the day included) it is on time, later it is late, and still open after its due day it is
 * late. What the period knows is what had happened by its end (or by today while it runs): a
 * decision after that is not yet made, so a closed period's value never changes.
 */
export function warningStanding(
  w: Pick<Fact, 'day' | 'from' | 'to'>,
  period: { first: string; last: string },
  asOfDay: string,
): 'on_time' | 'late' | null {
  const end = asOfDay < period.last ? asOfDay : period.last;
  const dueOn = w.day;
  if (!dueOn || !w.from || w.from > end) return null;
  const dueIn = dueOn >= period.first && dueOn <= period.last;
  const decidedOn = w.to !== null && w.to <= end ? w.to : null;
  if (decidedOn === null) return dueIn && dueOn < asOfDay ? 'late' : null;
  if (!dueIn && decidedOn < period.first) return null;
  return decidedOn <= dueOn ? 'on_time' : 'late';
}

/** 预警按期核实率 — warnings the township verified by their deadline, of those due or decided. */
export const warningsOnTime: Indicator = {
  link: {
    service: 'registry',
    path: '/monitoring/warnings/{id}',
    label: {
      zh: '未按期核实的预警（备注为核实期限）',
      en: 'Warnings not verified on time (note: the deadline)',
    },
  },
  facts: ['warning'],
  measure({ period, asOfDay, result, none, factsOf }) {
    let counted = 0;
    const late: RecordItem[] = [];
    for (const w of factsOf('warning')) {
      const standing = warningStanding(w, period.span, asOfDay);
      if (standing === null) continue;
      counted++;
      if (standing === 'late') late.push({ id: w.recordId, note: w.day ?? '' });
    }
    if (counted === 0) return none();
    const onTime = counted - late.length;
    return result(percent(onTime, counted), onTime, counted, late);
  },
};
