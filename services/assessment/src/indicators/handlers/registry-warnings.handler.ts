import { type Envelope, MonitoringWarningDecided, MonitoringWarningRaised } from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import type { ProducerHandler } from './handler';

/** A warning's steps: raised, then decided (a decision outranks the raising, in any order). */
const RANK = { raised: 1, decided: 2 } as const;

const dayOf = (iso: string) => shanghaiDateOf(new Date(iso));

/**
 * 防返贫预警 — the registry's monitoring warnings, one record per warning (keyed by its id): due
 * on `day`, raised on `from`, decided on `to` (null while open), for the indicator of warnings
 * verified on time. Both events carry the whole record's facts, so whichever arrives last of a
 * redelivery or a reordering, the decision stays.
 */
export const registryWarningsHandler: ProducerHandler = {
  producer: 'registry',
  topics: [MonitoringWarningRaised.topic],
  async handle(event: Envelope, ctx) {
    switch (event.type) {
      case MonitoringWarningRaised.type: {
        const p = MonitoringWarningRaised.payload.parse(event.payload);
        const change = await ctx.facts.put(event, {
          kind: 'warning',
          recordId: p.warningId,
          areaCode: p.areaCode,
          townshipCode: p.townshipCode,
          householdId: p.householdId,
          day: p.dueOn,
          from: dayOf(p.raisedAt),
          to: null,
          status: 'open',
          data: { onTime: null },
          rank: RANK.raised,
        });
        return [change];
      }
      case MonitoringWarningDecided.type: {
        const p = MonitoringWarningDecided.payload.parse(event.payload);
        const change = await ctx.facts.put(event, {
          kind: 'warning',
          recordId: p.warningId,
          areaCode: p.areaCode,
          townshipCode: p.townshipCode,
          householdId: p.householdId,
          day: p.dueOn,
          from: dayOf(p.raisedAt),
          to: dayOf(p.decidedAt),
          status: p.decision,
          data: { onTime: p.onTime },
          rank: RANK.decided,
        });
        return [change];
      }
      default:
        return [];
    }
  },
};
