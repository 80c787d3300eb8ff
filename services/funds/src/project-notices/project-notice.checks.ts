import { type FundingSource, noticeRequirementFor, type ProjectType } from '@fupin/reference';
import type { Project } from '../projects/project.model';
import {
  decideNoticePeriod,
  disallowedUses,
  isFinalPayment,
  noticePeriodNotMet,
  type PostedNotice,
  useNotAllowed,
} from './project-notice.rules';

/**
 * What approval into the library (审批入库) needs beyond the status machine, checked before
 * anything is written: every funding source allows the project's use (资金用途), then the
 * proposal's notice has been up for the days its type needs (公示期满). Throws the refusal.
 */
export function checkApproval(
  p: {
    type: ProjectType;
    plannedInvestment: Partial<Record<FundingSource, number>>;
    notices?: readonly PostedNotice[];
  },
  on: string,
): void {
  const uses = disallowedUses(p, on);
  if (uses.refusals.length) throw useNotAllowed(uses.refusals, uses.version);
  const req = noticeRequirementFor(p.type, 'approval', on);
  const period = decideNoticePeriod(req, 'approval', p.notices ?? [], on);
  if (!period.ok) throw noticePeriodNotMet(period, 'approval', on, req!.version);
}

/**
 * A payment approved (paid) on `on`: when it is the final one of a type that needs the
 * acceptance result posted first (验收结果公示), the notice must have been up for its days.
 */
export function checkFinalPayment(
  p: Pick<Project, 'type' | 'plannedTotalFen' | 'money'> & { notices?: readonly PostedNotice[] },
  amountFen: number,
  on: string,
): void {
  const req = noticeRequirementFor(p.type, 'final_payment', on);
  if (!req) return;
  // Without a share named, the final payment is the one that reaches the planned investment.
  const final =
    req.abovePercent === undefined
      ? p.money.disbursedFen + amountFen >= p.plannedTotalFen
      : isFinalPayment(p.plannedTotalFen, p.money.disbursedFen, amountFen, req.abovePercent);
  if (!final) return;
  const period = decideNoticePeriod(req, 'final_payment', p.notices ?? [], on);
  if (!period.ok) throw noticePeriodNotMet(period, 'final_payment', on, req.version);
}
