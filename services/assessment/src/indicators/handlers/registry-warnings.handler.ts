import {
  type Envelope,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
  MonitoringWarningRaised,
} from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import type { FactInput } from '../fact.store';
import type { ProducerHandler } from './handler';

/**
 * A warning's steps: raised, then its deadlines set (督办), then decided. A decision outranks
 * the rest in any order; a deadline set outranks the raising and an earlier deadline set by its
 * time (each occurs after the one before, and none after the decision: the registry sets the
 * deadline of an open warning only).
 */
const RANK = { raised: 1, due_changed: 1, decided: 2 } as const;

const dayOf = (iso: string) => shanghaiDateOf(new Date(iso));

type Ids = { warningId: string; areaCode: string; townshipCode: string; householdId: string };

const factOf = (
  p: Ids & { dueOn: string; raisedAt: string },
  f: Pick<FactInput, 'to' | 'status' | 'data' | 'rank'>,
): FactInput => ({
  kind: 'warning',
  recordId: p.warningId,
  areaCode: p.areaCode,
  townshipCode: p.townshipCode,
  householdId: p.householdId,
  day: p.dueOn,
  from: dayOf(p.raisedAt),
  ...f,
});

/**
 * 防返贫预警 — the registry's monitoring warnings, one record per warning (keyed by its id): due
 * on `day` (at `data.dueAt`, an instant; an event without it is due at the end of that day),
 * raised on `from`, decided on `to` at `data.decidedAt` (null while open), for the indicator of
 * warnings verified on time. Every event carries the whole record's facts, so whichever arrives
 * last of a redelivery or a reordering, the latest deadline and the decision stay.
 */
export const registryWarningsHandler: ProducerHandler = {
  producer: 'registry',
  topics: [MonitoringWarningRaised.topic],
  async handle(event: Envelope, ctx) {
    switch (event.type) {
      case MonitoringWarningRaised.type: {
        const p = MonitoringWarningRaised.payload.parse(event.payload);
        const change = await ctx.facts.put(
          event,
          factOf(p, {
            to: null,
            status: 'open',
            data: { onTime: null, dueAt: p.dueAt ?? null, decidedAt: null },
            rank: RANK.raised,
          }),
        );
        return [change];
      }
      case MonitoringWarningDueChanged.type: {
        const p = MonitoringWarningDueChanged.payload.parse(event.payload);
        const change = await ctx.facts.put(
          event,
          factOf(p, {
            to: null,
            status: 'open',
            data: { onTime: null, dueAt: p.dueAt, decidedAt: null },
            rank: RANK.due_changed,
          }),
          // The period of the deadline it replaced changes too.
          { first: dayOf(p.previousDueAt) },
        );
        return [change];
      }
      case MonitoringWarningDecided.type: {
        const p = MonitoringWarningDecided.payload.parse(event.payload);
        const change = await ctx.facts.put(
          event,
          factOf(p, {
            to: dayOf(p.decidedAt),
            status: p.decision,
            data: { onTime: p.onTime, dueAt: p.dueAt ?? null, decidedAt: p.decidedAt },
            rank: RANK.decided,
          }),
        );
        return [change];
      }
      default:
        return [];
    }
  },
};
