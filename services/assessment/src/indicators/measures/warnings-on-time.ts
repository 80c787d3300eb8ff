import { endOfShanghaiDay } from '@fupin/contracts';
import type { RecordItem } from '../../rankings/ranking.model';
import type { Fact } from '../fact.model';
import { type Indicator, percent } from '../measurement';

const instantOf = (v: unknown): number | null =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null;

/** A warning's deadline: `data.dueAt`, or the end of its due day for a fact without one. */
const dueAtOf = (w: Pick<Fact, 'data'>, dueOn: string): number =>
  instantOf(w.data.dueAt) ?? endOfShanghaiDay(dueOn).getTime();

/** Decided at or before the deadline: the instants, or what the event said of a fact without. */
function decidedOnTime(w: Pick<Fact, 'data'>, dueAt: number, decidedOn: string, dueOn: string) {
  const decidedAt = instantOf(w.data.decidedAt);
  if (decidedAt !== null) return decidedAt <= dueAt;
  if (typeof w.data.onTime === 'boolean') return w.data.onTime;
  return decidedOn <= dueOn;
}

/**
 * How one warning (or any record with a deadline: a task, a rectification order, a complaint)
 * counts for a period (pure): `on_time` or `late` when it counts, `null` when
 * it does not. It counts when it is due in the period (its due day, `day`, in it) or decided in
 * it; decided at or before its deadline (`data.dueAt`, an instant) it is on time, later it is
 * late, and still open once its deadline has passed it is late. What the period knows is what
 * had happened by its end (or by the start of today while it runs): a decision after that is not
 * yet made, so a closed period's value never changes by a later decision.
 */
export function warningStanding(
  w: Pick<Fact, 'day' | 'from' | 'to' | 'data'>,
  period: { first: string; last: string },
  asOfDay: string,
): 'on_time' | 'late' | null {
  const end = asOfDay < period.last ? asOfDay : period.last;
  const dueOn = w.day;
  if (!dueOn || !w.from || w.from > end) return null;
  const dueAt = dueAtOf(w, dueOn);
  const dueIn = dueOn >= period.first && dueOn <= period.last;
  const decidedOn = w.to !== null && w.to <= end ? w.to : null;
  // Open: late once the deadline passed before today began (a closed period: before its end).
  if (decidedOn === null)
    return dueIn && dueAt < new Date(`${asOfDay}T00:00:00.000+08:00`).getTime() ? 'late' : null;
  if (!dueIn && decidedOn < period.first) return null;
  return decidedOnTime(w, dueAt, decidedOn, dueOn) ? 'on_time' : 'late';
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
