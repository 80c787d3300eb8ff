import {
  type Actor,
  createEvent,
  DropoutCaseClosed,
  DropoutCaseOpened,
  DropoutCaseOwnerAssigned,
  type DropoutCaseSnapshot,
  SubsidyPaid,
  type SubsidyPaymentSnapshot,
  SubsidyVoided,
} from '@fupin/contracts';
import type { DropoutCase, SubsidyPayment } from './education.model';

export const EDUCATION_TOPICS = [SubsidyPaid.topic, DropoutCaseOpened.topic];

export function paymentSnapshot(x: SubsidyPayment): SubsidyPaymentSnapshot {
  return {
    id: x._id,
    studentId: x.studentId,
    personId: x.personId,
    householdId: x.householdId,
    idHash: x.idHash,
    type: x.type,
    stage: x.stage,
    term: x.term,
    amountFen: x.amountFen,
    paidOn: x.paidOn,
    department: x.department,
    areaCode: x.areaCode,
    voided: x.voided,
  };
}

export const subsidyPaid = (x: SubsidyPayment, actor: Actor) =>
  createEvent(SubsidyPaid, {
    aggregateId: x._id,
    areaCode: x.areaCode,
    actor,
    payload: { payment: paymentSnapshot(x) },
  });

export const subsidyVoided = (x: SubsidyPayment, reason: string, actor: Actor) =>
  createEvent(SubsidyVoided, {
    aggregateId: x._id,
    areaCode: x.areaCode,
    actor,
    payload: { payment: paymentSnapshot(x), reason },
  });

export function dropoutSnapshot(x: DropoutCase): DropoutCaseSnapshot {
  return {
    id: x._id,
    personId: x.personId,
    householdId: x.householdId,
    idHash: x.idHash,
    areaCode: x.areaCode,
    schoolYear: x.schoolYear,
    term: x.term,
    expectedStage: x.expectedStage,
    expectedGrade: x.expectedGrade,
    status: x.status,
    ownerName: x.owner?.name ?? null,
    closeReason: x.closeReason,
    openedAt: x.openedAt.toISOString(),
    closedAt: x.closedAt ? x.closedAt.toISOString() : null,
  };
}

const DROPOUT_EVENTS = {
  opened: DropoutCaseOpened,
  owner_assigned: DropoutCaseOwnerAssigned,
  closed: DropoutCaseClosed,
};

export const dropoutEvent = (what: keyof typeof DROPOUT_EVENTS, x: DropoutCase, actor: Actor) =>
  createEvent(DROPOUT_EVENTS[what], {
    aggregateId: x._id,
    areaCode: x.areaCode,
    actor,
    payload: { dropoutCase: dropoutSnapshot(x) },
  });
