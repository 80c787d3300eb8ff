import type { BenefitRow } from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Loan, LoanKind } from '../loans/loan.model';
import { sumFen } from '../shared/money';

// 受益底册, the funds rows, pure: a payment list's lines to each household (到户补助), its loans
// (小额信贷 and 党员脱贫工程) and the 贴息 of each loan by year, counted as the dossier counts it.

/** The household's village by its id, from the registry view. */
export type VillageOf = (householdId: string) => string | undefined;

const yearOf = (day: string) => Number(day.slice(0, 4));

/** Each line of an approved or submitted payment to a household of the ledger; refused ones none. */
export function paymentRows(payments: Disbursement[], villageOf: VillageOf): BenefitRow[] {
  const rows: BenefitRow[] = [];
  for (const d of payments) {
    if (d.status === 'rejected') continue;
    const paid = d.status === 'approved';
    const on = paid ? (d.paidOn ?? shanghaiDateOf(new Date(d.decidedAt ?? d.submittedAt))) : null;
    const day = on ?? shanghaiDateOf(new Date(d.submittedAt));
    d.payees.forEach((line, n) => {
      const areaCode = line.householdId ? villageOf(line.householdId) : undefined;
      if (!line.householdId || !areaCode) return;
      rows.push({
        id: `${d._id}:${n}`,
        source: 'funds',
        kind: 'payment',
        householdId: line.householdId,
        areaCode,
        year: yearOf(day),
        on,
        amountFen: line.amountFen,
        status: paid ? 'paid' : 'recorded',
        label: {
          'zh-CN': `到户资金 ${d.projectName}（${d.purpose}）`,
          en: `Payment to the household: ${d.projectName} (${d.purpose})`,
        },
        projectId: d.projectId,
        memberId: null,
        ref: { resource: 'disbursements', id: d._id },
      });
    });
  }
  return rows;
}

const LOAN_LABEL: Record<LoanKind, { zh: string; en: string }> = {
  micro_credit: { zh: '扶贫小额信贷', en: 'Micro-credit loan' },
  party_member: { zh: '党员脱贫工程贷款', en: 'Party-member poverty-exit loan' },
};

/** A loan granted (its principal on its start) and its 贴息 by year of the installments due. */
export function loanRows(loans: Loan[], today: string): BenefitRow[] {
  return loans.flatMap((l) => {
    const kind = LOAN_LABEL[l.kind];
    const common = {
      source: 'funds' as const,
      householdId: l.householdId,
      areaCode: l.areaCode,
      projectId: null,
      memberId: l.borrower.memberId ?? null,
      ref: { resource: 'loans', id: l._id },
    };
    const granted: BenefitRow = {
      ...common,
      id: l._id,
      kind: 'loan',
      year: yearOf(l.startOn),
      on: l.startOn,
      amountFen: l.principalFen,
      status: 'granted',
      label: {
        'zh-CN': `${kind.zh} ${l.contractNo}（${l.lender}）`,
        en: `${kind.en} ${l.contractNo} (${l.lender})`,
      },
    };
    return [granted, ...discountRows(l, today, common, kind)];
  });
}

/** 贴息 by year: the installments due by today (none after a write-off), as the dossier counts. */
function discountRows(
  l: Loan,
  today: string,
  common: Omit<BenefitRow, 'id' | 'kind' | 'year' | 'on' | 'amountFen' | 'status' | 'label'>,
  kind: { zh: string; en: string },
): BenefitRow[] {
  const until = l.writeOff && l.writeOff.on < today ? l.writeOff.on : today;
  const byYear = new Map<number, { fen: number[]; last: string }>();
  for (const i of l.schedule.filter((x) => x.dueOn <= until && x.discountFen > 0)) {
    const y = byYear.get(yearOf(i.dueOn)) ?? { fen: [], last: i.dueOn };
    y.fen.push(i.discountFen);
    if (i.dueOn > y.last) y.last = i.dueOn;
    byYear.set(yearOf(i.dueOn), y);
  }
  return [...byYear].map(([year, y]) => ({
    ...common,
    id: `${l._id}:discount:${year}`,
    kind: 'loan_discount',
    year,
    on: y.last,
    amountFen: sumFen(y.fen),
    status: 'paid',
    label: {
      'zh-CN': `${kind.zh}贴息 ${year}年 ${l.contractNo}`,
      en: `Interest subsidy on ${kind.en.toLowerCase()} ${l.contractNo}, ${year}`,
    },
  }));
}
