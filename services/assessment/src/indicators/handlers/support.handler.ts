import {
  CoverageRecorded,
  dropoutCaseSnapshotSchema,
  type Envelope,
  DropoutCaseOpened,
  inpatientEpisodeSnapshotSchema,
  ReimbursementRecorded,
  SubsidyPaid,
  TopUpPaid,
  subsidyPaymentSnapshotSchema,
} from '@fupin/contracts';
import { z } from 'zod';
import type { ProducerHandler } from './handler';
import { shanghaiDateOf } from '@fupin/reference';

const subsidyPayload = z.object({ payment: subsidyPaymentSnapshotSchema });
const dropoutPayload = z.object({ dropoutCase: dropoutCaseSnapshotSchema });
const episodePayload = z.object({ episode: inpatientEpisodeSnapshotSchema });

/** Health indicators count for the health and medical-security departments. */
const HEALTH = ['health', 'medical_security'];
const DROPOUT_STEP: Record<string, number> = { open: 1, closed: 2 };

/** 教育/健康扶贫: subsidies, dropout cases (控辍保学), in-patient top-ups, insurance enrollment. */
export const supportHandler: ProducerHandler = {
  producer: 'support',
  topics: [
    SubsidyPaid.topic,
    DropoutCaseOpened.topic,
    ReimbursementRecorded.topic,
    CoverageRecorded.topic,
  ],
  async handle(event: Envelope, ctx) {
    if (event.type.startsWith('support.subsidy.')) {
      const { payment: s } = subsidyPayload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'subsidy',
            recordId: s.id,
            areaCode: s.areaCode,
            departments: [s.department],
            householdId: s.householdId,
            personId: s.personId,
            day: s.paidOn,
            status: s.voided ? 'voided' : 'paid',
            amounts: { amount: s.amountFen },
            data: { type: s.type, stage: s.stage, term: s.term },
            rank: s.voided ? 2 : 1,
          },
          { first: s.paidOn, last: null },
        ),
      ];
    }
    if (event.type.startsWith('support.dropout.')) {
      const { dropoutCase: c } = dropoutPayload.parse(event.payload);
      const opened = shanghaiDateOf(new Date(c.openedAt));
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'dropout',
            recordId: c.id,
            areaCode: c.areaCode,
            departments: ['education'],
            householdId: c.householdId,
            personId: c.personId,
            from: opened,
            to: c.closedAt ? shanghaiDateOf(new Date(c.closedAt)) : null,
            status: c.status,
            data: { schoolYear: c.schoolYear, term: c.term },
            rank: DROPOUT_STEP[c.status] ?? 0,
          },
          { first: c.closedAt ? shanghaiDateOf(new Date(c.closedAt)) : opened, last: null },
        ),
      ];
    }
    if (event.type.startsWith('support.reimbursement.')) {
      const { episode: e } = episodePayload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'episode',
            recordId: e.id,
            areaCode: e.areaCode,
            departments: HEALTH,
            householdId: e.householdId,
            personId: e.personId,
            day: e.admittedOn,
            status: e.topUpStatus,
            amounts: {
              total: e.totalCostFen,
              reimbursed: e.reimbursedFen,
              topUp: e.topUpFen,
              topUpPaid: e.topUpPaidFen,
            },
            // Payments only ever add up: more paid is a later state.
            rank: e.topUpPaidFen,
          },
          {
            first:
              event.type === TopUpPaid.type
                ? TopUpPaid.payload.parse(event.payload).payment.paidOn
                : e.admittedOn,
            last: null,
          },
        ),
      ];
    }
    if (event.type === CoverageRecorded.type) {
      const c = CoverageRecorded.payload.parse(event.payload);
      return [
        await ctx.facts.put(event, {
          kind: 'coverage',
          recordId: `${c.personId}:${c.year}:${c.kind}`,
          areaCode: c.areaCode,
          departments: c.kind === 'pension' ? ['human_resources'] : HEALTH,
          householdId: c.householdId,
          personId: c.personId,
          year: c.year,
          status: c.enrolled ? 'enrolled' : 'not_enrolled',
          data: { kind: c.kind, source: c.source },
          rank: 1,
        }),
      ];
    }
    return [];
  },
};
