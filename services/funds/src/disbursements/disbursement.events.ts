import {
  type Actor,
  createEvent,
  FundsDisbursementApproved,
  FundsDisbursementRejected,
  type FundsDisbursementSnapshot,
  FundsDisbursementSubmitted,
} from '@fupin/contracts';
import type { Disbursement } from './disbursement.model';

export const DISBURSEMENT_TOPICS = [FundsDisbursementSubmitted.topic];

export function disbursementSnapshot(d: Disbursement): FundsDisbursementSnapshot {
  return {
    id: d._id,
    projectId: d.projectId,
    projectCode: d.projectCode,
    areaCode: d.areaCode,
    townshipCode: d.townshipCode,
    source: d.source,
    amountFen: d.amountFen,
    payeeKind: d.payeeKind,
    payeeCount: d.payeeKind === 'households' ? d.payees.length : 1,
    voucherCount: d.vouchers.length,
    status: d.status,
    submittedBy: d.submittedBy.id,
    decidedBy: d.decidedBy?.id ?? null,
    paidOn: d.paidOn,
  };
}

const base = (d: Disbursement, actor: Actor, at: Date) => ({
  aggregateId: d._id,
  areaCode: d.areaCode,
  actor,
  occurredAt: at,
});

export const disbursementSubmitted = (d: Disbursement, actor: Actor, at: Date) =>
  createEvent(FundsDisbursementSubmitted, {
    ...base(d, actor, at),
    payload: { disbursement: disbursementSnapshot(d) },
  });

export const disbursementApproved = (d: Disbursement, actor: Actor, at: Date) =>
  createEvent(FundsDisbursementApproved, {
    ...base(d, actor, at),
    payload: { disbursement: disbursementSnapshot(d) },
  });

export const disbursementRejected = (d: Disbursement, reason: string, actor: Actor, at: Date) =>
  createEvent(FundsDisbursementRejected, {
    ...base(d, actor, at),
    payload: { disbursement: disbursementSnapshot(d), reason },
  });
