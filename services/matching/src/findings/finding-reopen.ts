import type { Finding, FindingCandidate, FindingRound, WorkflowStep } from './finding.model';

const DAY_MS = 24 * 3600 * 1000;

/** The closed round a reopening keeps: what it rested on, how it was concluded and closed. */
export function roundOf(f: Finding): FindingRound {
  return {
    round: (f.reopenings ?? 0) + 1,
    runId: f.roundRunId ?? f.createdByRunId,
    startedAt: f.roundStartedAt ?? f.createdAt,
    ruleVersion: f.ruleVersion,
    evidence: f.evidence,
    conclusion: f.conclusion,
    conclusionReason: f.conclusionReason,
    conclusionReasonCode: f.conclusionReasonCode ?? null,
    verifiedBy: f.verifiedBy,
    rectification: f.rectification,
    review: f.review,
    closing: f.closing,
    closedAt: f.closedAt ?? f.closing?.at ?? f.lastSeenAt,
    registryOutcome: f.registryOutcome ?? null,
  };
}

/**
 * 重新打开 — a closed finding a later run found again: assigned again with the new evidence,
 * the rule version of the run and a new due date; the closed round goes into `rounds` and the
 * history gains a step, so nothing of the earlier round is lost. Pure: answers the fields to
 * set, the step to push and the finding as it will be.
 */
export function reopened(
  f: Finding,
  c: FindingCandidate,
  runId: string,
  now: Date,
  overdueDays: number,
): { set: Partial<Finding>; round: FindingRound; step: WorkflowStep; after: Finding } {
  const round = roundOf(f);
  const set: Partial<Finding> = {
    status: 'assigned',
    ruleVersion: c.ruleVersion,
    evidence: c.evidence,
    memberName: c.memberName,
    householdNo: c.householdNo,
    conclusion: null,
    conclusionReason: null,
    conclusionReasonCode: null,
    verifiedBy: null,
    rectification: null,
    review: null,
    closing: null,
    closedAt: null,
    overdueReportedAt: null,
    dueAt: new Date(now.getTime() + overdueDays * DAY_MS),
    lastRunId: runId,
    lastSeenAt: now,
    confirmations: f.confirmations + 1,
    reopenings: (f.reopenings ?? 0) + 1,
    roundStartedAt: now,
    roundRunId: runId,
    revision: f.revision + 1,
  };
  const step: WorkflowStep = {
    at: now,
    action: 'reopened',
    byId: `run:${runId}`,
    byName: 'matching run',
    note: null,
  };
  const after: Finding = {
    ...f,
    ...set,
    rounds: [...(f.rounds ?? []), round],
    history: [...f.history, step],
  };
  return { set, round, step, after };
}
