import type { DossierTimelineEntry } from '@fupin/contracts';
import { bi, timelineDay, timelineInstant } from '@fupin/kit';
import { FundingSource, labelOf, ProjectStatus } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Loan, LoanKind } from '../loans/loan.model';
import { overdueOf } from '../loans/loan.schedule';
import { yuan } from '../shared/money';
import { type DossierProject, householdShare } from './dossier.sections';

// What happened to the household in funds, one entry per fact, pure: payments submitted, paid
// or refused, loans granted, repaid, overdue or written off, and the steps of its projects.

type Entry = DossierTimelineEntry;

export function paymentEntries(payments: Disbursement[], householdId: string): Entry[] {
  return payments.flatMap((d) => {
    const ref = { resource: 'disbursements', id: d._id };
    const amount = yuan(householdShare(d, householdId).amountFen);
    const zh = labelOf(FundingSource, d.source, 'zh-CN');
    const en = labelOf(FundingSource, d.source, 'en');
    const out: Entry[] = [
      {
        at: timelineInstant(d.submittedAt),
        kind: 'payment_submitted',
        label: bi(
          `报账「${d.purpose}」：本户 ${amount} 元（${d.projectName}，${zh}资金）`,
          `Payment submitted, ${d.purpose}: ${amount} yuan to the household (${d.projectName}, ${en} funds)`,
        ),
        ref,
      },
    ];
    if (d.status === 'approved' && d.paidOn)
      out.push({
        at: timelineDay(d.paidOn),
        kind: 'payment_paid',
        label: bi(
          `拨付到户 ${amount} 元：${d.purpose}（${d.projectName}）`,
          `Paid to the household: ${amount} yuan, ${d.purpose} (${d.projectName})`,
        ),
        ref,
      });
    if (d.status === 'rejected' && d.decidedAt)
      out.push({
        at: timelineInstant(d.decidedAt),
        kind: 'payment_rejected',
        label: bi(
          `报账退回：${d.purpose}${d.rejectionReason ? `（${d.rejectionReason}）` : ''}`,
          `Payment refused: ${d.purpose}${d.rejectionReason ? ` (${d.rejectionReason})` : ''}`,
        ),
        ref,
      });
    return out;
  });
}

const LOAN_KIND: Record<LoanKind, { zh: string; en: string }> = {
  micro_credit: { zh: '扶贫小额信贷', en: 'micro-credit loan' },
  party_member: { zh: '党员脱贫工程贷款', en: 'party-member programme loan' },
};

export function loanEntries(loans: Loan[], today: string): Entry[] {
  return loans.flatMap((l) => {
    const ref = { resource: 'loans', id: l._id };
    const kind = LOAN_KIND[l.kind];
    const out: Entry[] = [
      {
        at: timelineDay(l.startOn),
        kind: 'loan_granted',
        label: bi(
          `${kind.zh}放款 ${yuan(l.principalFen)} 元（${l.lender}，${l.purpose}）`,
          `${kind.en} of ${yuan(l.principalFen)} yuan granted (${l.lender}, ${l.purpose})`,
        ),
        ref,
      },
      ...l.repayments.map((r): Entry => ({
        at: timelineDay(r.on),
        kind: 'loan_repayment',
        label: bi(
          `偿还贷款 ${yuan(r.amountFen)} 元（合同 ${l.contractNo}）`,
          `Loan repayment of ${yuan(r.amountFen)} yuan (contract ${l.contractNo})`,
        ),
        ref,
      })),
    ];
    const overdue = l.status === 'active' ? overdueOf(l.schedule, today) : null;
    if (overdue?.since)
      out.push({
        at: timelineDay(overdue.since),
        kind: 'loan_overdue',
        label: bi(
          `贷款逾期：${overdue.since} 起应还未还 ${yuan(overdue.overdueFen)} 元（合同 ${l.contractNo}）`,
          `Loan overdue since ${overdue.since}: ${yuan(overdue.overdueFen)} yuan unpaid (contract ${l.contractNo})`,
        ),
        ref,
      });
    if (l.writeOff)
      out.push({
        at: timelineDay(l.writeOff.on),
        kind: 'loan_written_off',
        label: bi(
          `贷款核销 ${yuan(l.writeOff.amountFen)} 元：${l.writeOff.disaster}，${l.writeOff.reason}`,
          `Loan of ${yuan(l.writeOff.amountFen)} yuan written off: ${l.writeOff.disaster}, ${l.writeOff.reason}`,
        ),
        ref,
      });
    return out;
  });
}

const STEP_DATES = [
  ['proposed', 'proposedOn'],
  ['approved', 'approvedOn'],
  ['in_progress', 'startedOn'],
  ['completed', 'completedOn'],
  ['accepted', 'acceptedOn'],
] as const;

export function projectEntries(projects: DossierProject[]): Entry[] {
  return projects.flatMap((x) =>
    STEP_DATES.flatMap(([status, field]) => {
      const day = x.dates[field];
      if (!day) return [];
      const zh = labelOf(ProjectStatus, status, 'zh-CN');
      const en = labelOf(ProjectStatus, status, 'en').toLowerCase();
      return [
        {
          at: timelineDay(day),
          kind: 'project_step',
          label: bi(`项目「${x.name}」${zh}`, `Project ${x.name}: ${en}`),
          ref: { resource: 'projects', id: x._id },
        },
      ];
    }),
  );
}
