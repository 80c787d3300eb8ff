import {
  type Envelope,
  MeasurePlanned,
  measureSnapshotSchema,
  PairingCreated,
  pairingSnapshotSchema,
  VisitRecorded,
} from '@fupin/contracts';
import { z } from 'zod';
import type { ProducerHandler } from './handler';

const pairingPayload = z.object({ pairing: pairingSnapshotSchema });
const measurePayload = z.object({ measure: measureSnapshotSchema });

/** 帮扶: pairings (帮扶责任人), plan measures (一户一策) and home visits (走访). */
export const assistanceHandler: ProducerHandler = {
  producer: 'assistance',
  topics: [PairingCreated.topic, MeasurePlanned.topic, VisitRecorded.topic],
  async handle(event: Envelope, ctx) {
    if (event.type.startsWith('assistance.pairing.')) {
      const { pairing: p } = pairingPayload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'pairing',
            recordId: p.id,
            areaCode: p.areaCode,
            householdId: p.householdId,
            from: p.startDate,
            to: p.endDate,
            status: p.status,
            data: { role: p.role, helperId: p.helperId, helperRank: p.helperRank },
            rank: p.revision,
          },
          { first: p.status === 'ended' ? (p.endDate ?? null) : p.startDate, last: null },
        ),
      ];
    }
    if (event.type.startsWith('assistance.measure.')) {
      const { measure: m } = measurePayload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'measure',
            recordId: m.id,
            areaCode: m.areaCode,
            householdId: m.householdId,
            from: m.startDate,
            to: m.endDate,
            status: m.status,
            data: { category: m.category, type: m.type, projectId: m.projectId },
            amounts: m.amountFen === null ? {} : { amount: m.amountFen },
            rank: m.revision,
          },
          { first: event.type === MeasurePlanned.type ? (m.startDate ?? null) : null, last: null },
        ),
      ];
    }
    if (event.type === VisitRecorded.type) {
      const { visit: v } = VisitRecorded.payload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'visit',
            recordId: v.id,
            areaCode: v.areaCode,
            householdId: v.householdId,
            day: v.date,
            data: { helperId: v.helperId, lateEntry: v.lateEntry },
            rank: 1,
          },
          { first: v.date, last: v.date },
        ),
      ];
    }
    return [];
  },
};
