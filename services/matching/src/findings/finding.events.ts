import {
  type Actor,
  createEvent,
  FindingClosed,
  FindingCreated,
  FindingDueChanged,
  FindingOverdue,
  FindingRectified,
  FindingReopened,
  FindingReviewed,
  type FindingSnapshot,
  FindingVerified,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import type { Finding } from './finding.model';

export const FINDING_TOPICS = [FindingCreated.topic];

export function findingSnapshot(f: Finding): FindingSnapshot {
  return {
    id: f._id,
    rule: f.rule,
    ruleVersion: f.ruleVersion,
    subject: f.subject,
    householdId: f.householdId,
    memberId: f.memberId,
    idHash: f.idHash,
    areaCode: f.areaCode,
    townshipCode: f.townshipCode,
    status: f.status,
    conclusion: f.conclusion,
    createdByRunId: f.createdByRunId,
    createdAt: f.createdAt.toISOString(),
    dueAt: f.dueAt.toISOString(),
    closedAt: f.closedAt ? f.closedAt.toISOString() : null,
    reopenings: f.reopenings ?? 0,
  };
}

const base = (f: Finding, actor: Actor) => ({ aggregateId: f._id, areaCode: f.areaCode, actor });

export const findingCreated = (f: Finding) =>
  createEvent(FindingCreated, {
    ...base(f, { ...SYSTEM_ACTOR, id: `run:${f.createdByRunId}` }),
    occurredAt: f.createdAt,
    payload: { finding: findingSnapshot(f) },
  });

/** The event of a workflow step, by the step's action. */
export function stepEvent(
  action: 'verify' | 'rectify' | 'review' | 'close',
  f: Finding,
  actor: Actor,
) {
  const payload = { finding: findingSnapshot(f) };
  switch (action) {
    case 'verify':
      return createEvent(FindingVerified, {
        ...base(f, actor),
        payload: { ...payload, conclusion: f.conclusion ?? 'confirmed' },
      });
    case 'rectify':
      return createEvent(FindingRectified, { ...base(f, actor), payload });
    case 'review':
      return createEvent(FindingReviewed, { ...base(f, actor), payload });
    case 'close':
      return createEvent(FindingClosed, { ...base(f, actor), payload });
  }
}

export const findingOverdue = (f: Finding, at: Date) =>
  createEvent(FindingOverdue, {
    ...base(f, SYSTEM_ACTOR),
    occurredAt: at,
    payload: { finding: findingSnapshot(f) },
  });

/** A closed finding found again by a run: `previous` is the round it closed. */
export const findingReopened = (
  f: Finding,
  runId: string,
  previous: { closedAt: Date; conclusion: Finding['conclusion'] },
) =>
  createEvent(FindingReopened, {
    ...base(f, { ...SYSTEM_ACTOR, id: `run:${runId}` }),
    occurredAt: f.lastSeenAt,
    payload: {
      finding: findingSnapshot(f),
      runId,
      previousClosedAt: previous.closedAt.toISOString(),
      previousConclusion: previous.conclusion,
    },
  });

/** The poverty office set the finding's deadline (督办); `previous` is the deadline before. */
export const findingDueChanged = (f: Finding, actor: Actor, previous: Date) =>
  createEvent(FindingDueChanged, {
    ...base(f, actor),
    payload: { finding: findingSnapshot(f), previousDueAt: previous.toISOString() },
  });
