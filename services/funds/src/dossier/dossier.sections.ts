import { type Bounded, bounded } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Loan } from '../loans/loan.model';
import { overdueOf } from '../loans/loan.schedule';
import type { Project } from '../projects/project.model';
import { sumFen } from '../shared/money';

// The funds part's sections, pure: the projects, payments and loans read for one household in,
// what a township clerk or an inspector reads of them out. Codes stay codes, money is integer
// fen, days are YYYY-MM-DD; an ID number or a phone is only ever its masked form.

/** What a project shows in the dossier: the fields read for it. */
export type DossierProject = Pick<
  Project,
  | '_id'
  | 'code'
  | 'name'
  | 'type'
  | 'year'
  | 'areaCode'
  | 'status'
  | 'dates'
  | 'plannedTotalFen'
  | 'money'
  | 'beneficiaries'
>;

/** A payment's lines to this household: its share of a payment list (到户补助). */
export function householdShare(d: Pick<Disbursement, 'payees'>, householdId: string) {
  const lines = d.payees.filter((x) => x.householdId === householdId);
  return { lines, amountFen: sumFen(lines.map((x) => x.amountFen)) };
}

/** The day a payment counts for: the day paid, else the day it was submitted. */
export function paymentDay(d: Pick<Disbursement, 'paidOn' | 'submittedAt'>): string {
  return d.paidOn ?? shanghaiDateOf(new Date(d.submittedAt));
}

/** 到户资金 — the payments to the household, newest first, its own lines only. */
export function paymentsSection(payments: Bounded<Disbursement>, householdId: string) {
  const items = payments.items.map((d) => {
    const share = householdShare(d, householdId);
    return {
      id: d._id,
      projectId: d.projectId,
      projectCode: d.projectCode,
      projectName: d.projectName,
      purpose: d.purpose,
      source: d.source,
      /** 报账 state: submitted (awaiting the second signature), approved (paid) or rejected. */
      status: d.status,
      date: paymentDay(d),
      submittedOn: shanghaiDateOf(new Date(d.submittedAt)),
      paidOn: d.paidOn,
      amountFen: share.amountFen,
      paymentAmountFen: d.amountFen,
      payees: share.lines.map((x) => ({ name: x.name, idNumber: x.idNumber?.masked ?? null })),
      vouchers: d.vouchers.length,
      findings: d.findingIds.length,
      rejectionReason: d.rejectionReason,
    };
  });
  return bounded(items, payments.total);
}

/**
 * 受益项目 — projects that list the household among their registered beneficiaries, and those
 * that paid it (a payment list naming it), with what was paid to it through each.
 */
export function projectsSection(
  projects: Bounded<DossierProject>,
  paidThrough: DossierProject[],
  payments: Disbursement[],
  householdId: string,
) {
  const paid = new Map<string, number>();
  for (const d of payments.filter((x) => x.status === 'approved'))
    paid.set(d.projectId, (paid.get(d.projectId) ?? 0) + householdShare(d, householdId).amountFen);
  const row = (x: DossierProject) => ({
    id: x._id,
    code: x.code,
    name: x.name,
    type: x.type,
    year: x.year,
    areaCode: x.areaCode,
    status: x.status,
    dates: x.dates,
    plannedTotalFen: x.plannedTotalFen,
    allocatedFen: x.money.allocatedFen,
    disbursedFen: x.money.disbursedFen,
    /** Listed among the project's registered beneficiaries, and/or paid through it. */
    linkedBy: [
      ...(x.beneficiaries.poorHouseholdIds.includes(householdId) ? ['beneficiary'] : []),
      ...(payments.some((d) => d.projectId === x._id) ? ['payment'] : []),
    ],
    paidToHouseholdFen: paid.get(x._id) ?? 0,
  });
  const items = [...projects.items, ...paidThrough].map(row);
  return bounded(items, projects.total + paidThrough.length);
}

/** 小额信贷 and 党员脱贫工程 loans, newest first: schedule totals, 贴息, repayments, overdue. */
export function loansSection(loans: Bounded<Loan>, today: string) {
  const items = loans.items.map((l) => ({
    id: l._id,
    contractNo: l.contractNo,
    kind: l.kind,
    lender: l.lender,
    purpose: l.purpose,
    borrowerName: l.borrower.name,
    principalFen: l.principalFen,
    termMonths: l.termMonths,
    annualRateBp: l.annualRateBp,
    discountBp: l.discountBp,
    repayment: l.repayment,
    startOn: l.startOn,
    endOn: l.schedule.at(-1)?.dueOn ?? l.startOn,
    status: l.status,
    interestFen: sumFen(l.schedule.map((i) => i.interestFen)),
    /** 贴息 — the interest the government pays over the whole schedule. */
    discountFen: sumFen(l.schedule.map((i) => i.discountFen)),
    paidFen: l.paidFen,
    owedFen: l.status === 'written_off' ? 0 : l.owedFen,
    overdue:
      l.status === 'active'
        ? overdueOf(l.schedule, today)
        : { overdueFen: 0, since: null, daysOverdue: 0 },
    repayments: l.repayments.map((r) => ({ on: r.on, amountFen: r.amountFen })),
    writeOff: l.writeOff && {
      on: l.writeOff.on,
      reason: l.writeOff.reason,
      disaster: l.writeOff.disaster,
      documentNo: l.writeOff.documentNo,
      amountFen: l.writeOff.amountFen,
    },
    guarantor: {
      name: l.guarantor.name,
      role: l.guarantor.role,
      phone: l.guarantor.phone?.masked ?? null,
    },
  }));
  return bounded(items, loans.total);
}

interface YearTotals {
  year: number;
  /** Paid to the household (approved payments, by the day paid). */
  paidFen: number;
  /** Submitted and awaiting approval (by the day submitted). */
  pendingFen: number;
  /** Loans taken (by their start). */
  loanPrincipalFen: number;
  /** 贴息 of the installments due that year, up to today. */
  discountFen: number;
  /** Repaid on its loans. */
  repaidFen: number;
}

/** What the household received and repaid, by year (oldest first) and in all. */
export function totalsSection(
  payments: Disbursement[],
  loans: Loan[],
  householdId: string,
  today: string,
) {
  const years = new Map<number, YearTotals>();
  const of = (day: string) => {
    const year = Number(day.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      y = { year, paidFen: 0, pendingFen: 0, loanPrincipalFen: 0, discountFen: 0, repaidFen: 0 };
      years.set(year, y);
    }
    return y;
  };
  for (const d of payments) {
    const amount = householdShare(d, householdId).amountFen;
    if (d.status === 'approved') of(paymentDay(d)).paidFen += amount;
    if (d.status === 'submitted') of(paymentDay(d)).pendingFen += amount;
  }
  for (const l of loans) {
    of(l.startOn).loanPrincipalFen += l.principalFen;
    // A written-off loan's later installments are never due: no 贴息 is paid on them.
    const until = l.writeOff && l.writeOff.on < today ? l.writeOff.on : today;
    for (const i of l.schedule.filter((x) => x.dueOn <= until))
      of(i.dueOn).discountFen += i.discountFen;
    for (const r of l.repayments) of(r.on).repaidFen += r.amountFen;
  }
  const byYear = [...years.values()].sort((a, b) => a.year - b.year);
  const sum = (k: keyof Omit<YearTotals, 'year'>) => sumFen(byYear.map((y) => y[k]));
  return {
    byYear,
    paidFen: sum('paidFen'),
    pendingFen: sum('pendingFen'),
    loanPrincipalFen: sum('loanPrincipalFen'),
    discountFen: sum('discountFen'),
    repaidFen: sum('repaidFen'),
    loanOwedFen: sumFen(loans.filter((l) => l.status === 'active').map((l) => l.owedFen)),
    overdueFen: sumFen(
      loans
        .filter((l) => l.status === 'active')
        .map((l) => overdueOf(l.schedule, today).overdueFen),
    ),
  };
}
