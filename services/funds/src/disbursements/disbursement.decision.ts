import { actorOf, AppError, bi, outboxUpdate, type Principal } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import { historyEntry, type HistoryEntry } from '../shared/principal';
import {
  decided,
  type DisbursementDeps,
  flagMisuse,
  holdOf,
  invalid,
  loadDisbursement,
} from './disbursement.deps';
import { checkFinalPayment } from '../project-notices/project-notice.checks';
import { disbursementApproved, disbursementRejected } from './disbursement.events';
import {
  approvedTotalOf,
  CAP_READ,
  checkProgressAtApproval,
  claimWithinProgress,
} from './disbursement.progress';
import type { Disbursement } from './disbursement.model';
import { type DisbursementView, disbursementView } from './disbursement.view';

/** What the approval's checks read of the project. */
const PAY_FIELDS = { ...CAP_READ, contractor: 1, notices: 1 } as const;

/**
 * The second signature (four-eyes): another person with the approve right; then the money is
 * paid. Open misuse findings hold it back.
 */
export async function approveDisbursement(
  deps: DisbursementDeps,
  p: Principal,
  id: string,
  input: { paidOn?: string | undefined },
): Promise<DisbursementView> {
  const d = await loadDisbursement(deps, p, id);
  assertDecidable(p, d, true);
  const now = deps.now();
  const today = shanghaiDateOf(now);
  const paidOn = input.paidOn ?? today;
  if (paidOn > today || paidOn < shanghaiDateOf(d.submittedAt)) {
    throw invalid([
      {
        field: 'paidOn',
        code: 'out_of_range',
        message: bi('拨付日期须在报账日期与今天之间', 'between the submission day and today'),
      },
    ]);
  }
  const read = await deps.projects.findOne(p, { _id: d.projectId }, { projection: PAY_FIELDS });
  const project = read && { ...read, approvedFen: await approvedTotalOf(deps, read) };
  // Progress may have been lowered, or the acceptance not posted: refused before any write.
  if (project) {
    checkProgressAtApproval(project, d.amountFen, paidOn);
    checkFinalPayment(project, d.amountFen, paidOn);
  }
  await flagMisuse(deps, p, d, project ?? { contractor: null });
  const open = await deps.findings.openFor(d._id);
  if (open.length) {
    throw new AppError(
      409,
      'FUNDS_DISBURSEMENT_HAS_OPEN_FINDINGS',
      bi(
        `该笔拨付有 ${open.length} 条未核实的问题线索，核实后才能审批`,
        `The payment has ${open.length} open findings; resolve them before approving`,
      ),
      { extra: { findingIds: open.map((f) => f.id) } },
    );
  }
  const next: Disbursement = {
    ...d,
    status: 'approved',
    decidedBy: { id: p.userId, name: p.username },
    decidedAt: now,
    paidOn,
    revision: d.revision + 1,
  };
  // The cap again, as the guard of the write that counts the payment into the approved total.
  if (project) await claimWithinProgress(deps, project, d.amountFen, paidOn);
  const won = await decide(
    deps,
    p,
    d,
    next,
    historyEntry(p, now, 'approve', { from: d.status, to: 'approved' }),
    [disbursementApproved(next, actorOf(p), now)],
  );
  if (!won) {
    // Approved by another or refused meanwhile: the claim is given back.
    if (project) await deps.ledger.unclaimApproval(d.projectId, d.amountFen);
    throw decided();
  }
  await deps.ledger.settle(d.projectId, holdOf(d), actorOf(p));
  return disbursementView(deps.cipher, next, null);
}

/** Refuses a submitted payment; its reservation goes back to the project. */
export async function rejectDisbursement(
  deps: DisbursementDeps,
  p: Principal,
  id: string,
  input: { reason: string },
): Promise<DisbursementView> {
  const d = await loadDisbursement(deps, p, id);
  assertDecidable(p, d, false);
  const now = deps.now();
  const next: Disbursement = {
    ...d,
    status: 'rejected',
    decidedBy: { id: p.userId, name: p.username },
    decidedAt: now,
    rejectionReason: input.reason,
    revision: d.revision + 1,
  };
  const won = await decide(
    deps,
    p,
    d,
    next,
    historyEntry(p, now, 'reject', { from: d.status, to: 'rejected', note: input.reason }),
    [disbursementRejected(next, input.reason, actorOf(p), now)],
  );
  if (!won) throw decided();
  await deps.ledger.release(d.projectId, holdOf(d));
  return disbursementView(deps.cipher, next, null);
}

function assertDecidable(p: Principal, d: Disbursement, approving: boolean): void {
  if (d.status !== 'submitted') {
    throw new AppError(
      409,
      'FUNDS_DISBURSEMENT_DECIDED',
      bi('该笔拨付已审批或已退回', 'The payment has already been decided'),
      { extra: { status: d.status } },
    );
  }
  if (approving && d.submittedBy.id === p.userId) throw fourEyes();
}

/**
 * Stores a decision, unless another one (or the submitter's own approval) got there first:
 * false then, and nothing is written.
 */
async function decide(
  deps: DisbursementDeps,
  p: Principal,
  d: Disbursement,
  next: Disbursement,
  entry: HistoryEntry,
  events: Parameters<typeof outboxUpdate>[1],
): Promise<boolean> {
  const res = await deps.disbursements.updateOne(
    p,
    {
      _id: d._id,
      status: 'submitted',
      ...(next.status === 'approved' ? { 'submittedBy.id': { $ne: p.userId } } : {}),
    },
    outboxUpdate(
      {
        $set: {
          status: next.status,
          decidedBy: next.decidedBy,
          decidedAt: next.decidedAt,
          paidOn: next.paidOn,
          rejectionReason: next.rejectionReason,
          revision: next.revision,
        },
        $push: { history: entry },
      },
      events,
    ),
  );
  if (res.matchedCount !== 1) return false;
  deps.eventsStored();
  return true;
}

function fourEyes(): AppError {
  return new AppError(
    403,
    'FUNDS_FOUR_EYES',
    bi(
      '经办人不能审批自己提交的拨付，须由另一名有审批权限的人员审批',
      'The person who submitted a payment cannot approve it; another approver must',
    ),
  );
}
