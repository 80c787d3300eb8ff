import {
  type Actor,
  CoverageRecorded,
  createEvent,
  type InpatientEpisodeSnapshot,
  ReimbursementRecorded,
  TopUpPaid,
} from '@fupin/contracts';
import type { Person } from '../people/person.model';
import type { InsuranceKind } from './coverage.rules';
import type { InpatientEpisode, TopUpPayment } from './health.model';

export const HEALTH_TOPICS = [ReimbursementRecorded.topic, CoverageRecorded.topic];

export function episodeSnapshot(x: InpatientEpisode): InpatientEpisodeSnapshot {
  return {
    id: x._id,
    personId: x.personId,
    householdId: x.householdId,
    idHash: x.idHash,
    areaCode: x.areaCode,
    admittedOn: x.admittedOn,
    dischargedOn: x.dischargedOn,
    totalCostFen: x.totalCostFen,
    basicInsuranceFen: x.basicInsuranceFen,
    seriousIllnessInsuranceFen: x.seriousIllnessInsuranceFen,
    medicalAssistanceFen: x.medicalAssistanceFen,
    reimbursedFen: x.reimbursedFen,
    ratioBasisPoints: x.ratioBasisPoints,
    targetBasisPoints: x.targetBasisPoints,
    topUpFen: x.topUpFen,
    topUpPaidFen: x.topUpPaidFen,
    topUpStatus: x.topUpStatus,
  };
}

export const reimbursementRecorded = (x: InpatientEpisode, actor: Actor) =>
  createEvent(ReimbursementRecorded, {
    aggregateId: x._id,
    areaCode: x.areaCode,
    actor,
    payload: { episode: episodeSnapshot(x) },
  });

export const topUpPaid = (x: InpatientEpisode, payment: TopUpPayment, actor: Actor) =>
  createEvent(TopUpPaid, {
    aggregateId: x._id,
    areaCode: x.areaCode,
    actor,
    payload: {
      episode: episodeSnapshot(x),
      payment: {
        amountFen: payment.amountFen,
        paidOn: payment.paidOn,
        department: payment.department,
      },
    },
  });

export const coverageRecorded = (
  person: Person,
  c: { year: number; kind: InsuranceKind; enrolled: boolean; source: 'manual' | 'import' },
  actor: Actor,
) =>
  createEvent(CoverageRecorded, {
    aggregateId: person._id,
    areaCode: person.areaCode,
    actor,
    payload: {
      personId: person._id,
      householdId: person.householdId,
      idHash: person.idHash,
      areaCode: person.areaCode,
      ...c,
    },
  });
