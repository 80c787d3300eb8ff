import { AppError, bi, conflict, countyWide, type Principal } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Hold, Project } from '../projects/project.model';
import { decidePaymentByProgress } from '../progress/progress.rules';
import { sumFen, yuan } from '../shared/money';
import type { DisbursementDeps } from './disbursement.deps';

type Outcome = 'reserved' | 'over_allocation';

/**
 * 根据项目进度分阶段拨付 — holds a payment's amount only when the project's progress allows it:
 * what is paid and awaiting approval plus this payment may not exceed the share of the planned
 * investment its stage allows. A source without the money is reported first (the allocation
 * refusal, as before); a project type without stages is capped by allocations only. The cap is
 * part of the reserving write (the totals it was decided on are its guard), so two payments
 * racing for the last of a stage cannot both pass; a lost race decides again on fresh totals.
 */
export async function reserveWithinProgress(
  deps: Pick<DisbursementDeps, 'projects' | 'ledger' | 'now'>,
  p: Principal,
  project: Project,
  hold: Hold,
): Promise<Outcome> {
  let current = project;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (current.funding[hold.source].availableFen < hold.amountFen) return 'over_allocation';
    const on = shanghaiDateOf(deps.now());
    const decision = decidePaymentByProgress(
      { ...current, progressPercent: current.progressPercent ?? null },
      current.money,
      hold.amountFen,
      on,
    );
    if (!decision.ok) throw aboveProgress(decision);
    const guard = decision.cap
      ? {
          'money.disbursedFen': current.money.disbursedFen,
          'money.reservedFen': current.money.reservedFen,
        }
      : {};
    if (await deps.ledger.reserve(current._id, hold, guard)) return 'reserved';
    const fresh = await deps.projects.findOne(
      p,
      { _id: current._id },
      { projection: { outbox: 0, history: 0 } },
    );
    if (!fresh) return 'over_allocation';
    current = fresh;
  }
  return 'over_allocation';
}

/** The part of a project the cap at approval reads (and its claim is guarded on). */
export type ApprovalCapFields = Pick<
  Project,
  '_id' | 'type' | 'status' | 'plannedTotalFen' | 'progressPercent' | 'money' | 'approvedFen'
>;
export const CAP_READ = {
  type: 1,
  status: 1,
  plannedTotalFen: 1,
  progressPercent: 1,
  money: 1,
  approvedFen: 1,
} as const;
const APPROVED_TOTAL = countyWide('the approved total counts every approved payment of a project');

/**
 * The cap again when the payment is approved: progress may have been lowered since it was
 * submitted. What is approved plus this payment may not exceed what the progress allows on the
 * day it is paid (other payments still waiting are not counted: they are checked when
 * approved). `approvedFen` is the project's approved total ({@link approvedTotalOf}).
 */
export function checkProgressAtApproval(
  project: Omit<ApprovalCapFields, '_id'>,
  amountFen: number,
  on: string,
): void {
  const decision = decideAtApproval(project, amountFen, on);
  if (!decision.ok) throw aboveProgress(decision);
}

function decideAtApproval(project: Omit<ApprovalCapFields, '_id'>, amountFen: number, on: string) {
  // A payment approved by an instance that did not keep the counter still shows as disbursed.
  const already = Math.max(project.approvedFen ?? 0, project.money.disbursedFen);
  return decidePaymentByProgress(
    { ...project, progressPercent: project.progressPercent ?? null },
    { disbursedFen: already, reservedFen: 0 },
    amountFen,
    on,
  );
}

/**
 * The project's approved total; a project stored before the counter existed has it computed
 * once from its approved payments (an approval claims only once it is there, so no approval
 * can slip between the sum and the write).
 */
export async function approvedTotalOf(
  deps: Pick<DisbursementDeps, 'disbursements' | 'ledger'>,
  project: ApprovalCapFields,
): Promise<number> {
  if (typeof project.approvedFen === 'number') return project.approvedFen;
  const approved = await deps.disbursements.find(
    APPROVED_TOTAL,
    { projectId: project._id, status: 'approved' },
    { projection: { amountFen: 1 } },
  );
  return deps.ledger.initApprovedTotal(project._id, sumFen(approved.map((d) => d.amountFen)));
}

/**
 * The guard in the database: the payment is counted into the project's approved total by one
 * conditional write that holds only while the total leaves room under the cap computed here
 * (and the fields it was computed from are unchanged), so two approvals of the same project
 * that together pass the cap cannot both succeed, however they interleave; a lost race
 * decides again on fresh totals. The caller gives the claim back if the payment's own approval
 * then loses (`ProjectLedger.unclaimApproval`).
 */
export async function claimWithinProgress(
  deps: Pick<DisbursementDeps, 'projects' | 'ledger'>,
  project: ApprovalCapFields & { approvedFen: number },
  amountFen: number,
  on: string,
): Promise<void> {
  let current: ApprovalCapFields = project;
  for (let attempt = 0; attempt < 20; attempt++) {
    const decision = decideAtApproval(current, amountFen, on);
    if (!decision.ok) throw aboveProgress(decision);
    const max = decision.cap ? decision.cap.allowedFen - amountFen : null;
    const guard = {
      type: current.type,
      status: current.status,
      plannedTotalFen: current.plannedTotalFen,
      progressPercent: current.progressPercent ?? null,
    };
    if (await deps.ledger.claimApproval(current._id, amountFen, max, guard)) return;
    const fresh = await deps.projects.findOne(
      APPROVED_TOTAL,
      { _id: current._id },
      { projection: CAP_READ },
    );
    if (!fresh) break;
    current = fresh;
  }
  throw conflict(
    'FUNDS_DISBURSEMENT_BUSY',
    bi(
      '该项目的其他拨付正在同时审批，请稍后重试',
      'Other payments of the project are being approved at the same time; retry shortly',
    ),
  );
}

function aboveProgress(d: Extract<ReturnType<typeof decidePaymentByProgress>, { ok: false }>) {
  const { cap, alreadyFen, requestedFen } = d;
  const left = Math.max(0, cap.allowedFen - alreadyFen);
  return new AppError(
    422,
    'FUNDS_DISBURSEMENT_ABOVE_PROGRESS',
    bi(
      `按项目进度（${cap.stage['zh-CN']}阶段，可拨付计划投资的 ${cap.sharePercent}%）最多拨付 ${yuan(cap.allowedFen)} 元，已拨付及待审批 ${yuan(alreadyFen)} 元，本次最多还可申请 ${yuan(left)} 元，不予拨付`,
      `At the project's progress (stage: ${cap.stage.en}, ${cap.sharePercent}% of the planned investment) at most ${yuan(cap.allowedFen)} yuan may be paid; ${yuan(alreadyFen)} yuan is already paid or awaiting approval, so at most ${yuan(left)} yuan more; refused`,
    ),
    {
      errors: [
        {
          field: 'amountFen',
          code: 'above_progress',
          message: bi(
            `超过按进度可拨付的 ${yuan(left)} 元`,
            `above the ${yuan(left)} yuan the progress allows`,
          ),
        },
      ],
      extra: {
        allowedFen: cap.allowedFen,
        alreadyDisbursedFen: alreadyFen,
        remainingFen: left,
        requestedFen,
        sharePercent: cap.sharePercent,
        stagesVersion: cap.tableVersion,
      },
    },
  );
}
