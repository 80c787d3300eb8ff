import {
  type Actor,
  createEvent,
  DropoutCaseClosed,
  DropoutCaseOpened,
  DropoutCaseOwnerAssigned,
  type DropoutCaseSnapshot,
  EnrollmentRecorded,
  SubsidyPaid,
  type SubsidyPaymentSnapshot,
  SubsidyVoided,
} from '@fupin/contracts';
import type { DropoutCase, Enrollment, SubsidyPayment } from './education.model';

export const EDUCATION_TOPICS = [
  SubsidyPaid.topic,
  DropoutCaseOpened.topic,
  EnrollmentRecorded.topic,
];

/** A term's enrollment recorded by hand or import, keyed by the person (the registry's member id). */
export const enrollmentRecorded = (e: Enrollment, actor: Actor) =>
  createEvent(EnrollmentRecorded, {
    aggregateId: e.personId,
    areaCode: e.areaCode,
    actor,
    payload: {
      personId: e.personId,
      householdId: e.householdId,
      idHash: e.idHash,
      areaCode: e.areaCode,
      term: e.term,
      stage: e.stage,
      status: e.status,
      source: e.source,
    },
  });

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
