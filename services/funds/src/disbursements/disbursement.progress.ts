import { AppError, bi, type Principal } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Hold, Project } from '../projects/project.model';
import { decidePaymentByProgress } from '../progress/progress.rules';
import { yuan } from '../shared/money';
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

/**
 * The cap again when the payment is approved: progress may have been lowered since it was
 * submitted. What is paid plus this payment may not exceed what the progress allows on the day
 * it is paid (other payments still waiting are not counted: they are checked when approved).
 */
export function checkProgressAtApproval(
  project: Pick<Project, 'type' | 'status' | 'plannedTotalFen' | 'progressPercent' | 'money'>,
  amountFen: number,
  on: string,
): void {
  const decision = decidePaymentByProgress(
    { ...project, progressPercent: project.progressPercent ?? null },
    { disbursedFen: project.money.disbursedFen, reservedFen: 0 },
    amountFen,
    on,
  );
  if (!decision.ok) throw aboveProgress(decision);
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
