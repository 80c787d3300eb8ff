import {
  type Actor,
  createEvent,
  FundsProjectFundingChanged,
  FundsProjectProgressReported,
  FundsProjectRegistered,
  type FundsProjectSnapshot,
  FundsProjectStatusChanged,
  FundsProjectUpdated,
} from '@fupin/contracts';
import type { Project } from './project.model';

export const PROJECT_TOPICS = [FundsProjectRegistered.topic];

export function projectSnapshot(p: Project): FundsProjectSnapshot {
  const { poorHouseholdIds: _ids, ...beneficiaries } = p.beneficiaries;
  return {
    id: p._id,
    code: p.code,
    name: p.name,
    type: p.type,
    year: p.year,
    areaCode: p.areaCode,
    townshipCode: p.townshipCode,
    status: p.status,
    plannedTotalFen: p.plannedTotalFen,
    beneficiaries,
    dates: p.dates,
    money: p.money,
    revision: p.revision,
  };
}

const base = (p: Project, actor: Actor, at: Date) => ({
  aggregateId: p._id,
  areaCode: p.areaCode,
  actor,
  occurredAt: at,
});

export const projectRegistered = (p: Project, actor: Actor, at: Date) =>
  createEvent(FundsProjectRegistered, {
    ...base(p, actor, at),
    payload: { project: projectSnapshot(p) },
  });

export const projectUpdated = (p: Project, changed: string[], actor: Actor, at: Date) =>
  createEvent(FundsProjectUpdated, {
    ...base(p, actor, at),
    payload: { project: projectSnapshot(p), changed },
  });

export const projectStatusChanged = (
  p: Project,
  from: Project['status'],
  on: string,
  actor: Actor,
  at: Date,
) =>
  createEvent(FundsProjectStatusChanged, {
    ...base(p, actor, at),
    payload: { project: projectSnapshot(p), from, to: p.status, on },
  });

export const projectFundingChanged = (
  p: Project,
  change: {
    reason: 'allocation' | 'transfer_in' | 'transfer_out' | 'disbursement';
    source: string;
    amountFen: number;
    referenceId: string;
  },
  actor: Actor,
  at: Date,
) =>
  createEvent(FundsProjectFundingChanged, {
    ...base(p, actor, at),
    payload: { project: projectSnapshot(p), ...change },
  });

export const projectProgressReported = (
  p: Project,
  report: { id: string; percent: number; reportedOn: string; evidenceFileIds: string[] },
  previousPercent: number | null,
  actor: Actor,
  at: Date,
) =>
  createEvent(FundsProjectProgressReported, {
    ...base(p, actor, at),
    payload: {
      project: projectSnapshot(p),
      report: { ...report, previousPercent },
      plannedStartOn: p.plannedStartOn ?? null,
      plannedFinishOn: p.plannedFinishOn ?? null,
    },
  });
