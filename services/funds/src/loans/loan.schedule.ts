import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/*
 * Repayment schedules, pure and in integer fen. Interest for a period is the outstanding
 * principal × annual rate × months / 12, computed in BigInt and rounded half up to the fen,
 * so no floating-point value ever touches an amount.
 */

export const REPAYMENT_KINDS = ['bullet', 'equal_principal'] as const;
/** bullet 到期一次还本、按期付息; equal_principal 等额本金. */
export type RepaymentKind = (typeof REPAYMENT_KINDS)[number];

export interface Installment {
  no: number;
  dueOn: string;
  principalFen: number;
  /** Interest at the contract rate. */
  interestFen: number;
  /** 贴息 — the part of the interest the government pays. */
  discountFen: number;
  /** What the household owes for the period: principal + interest − discount. */
  dueFen: number;
  paidFen: number;
}

export interface LoanTerms {
  principalFen: number;
  termMonths: number;
  intervalMonths: number;
  /** Annual rate in basis points (4.35% = 435). */
  annualRateBp: number;
  /** Annual discount in basis points, at most the rate. */
  discountBp: number;
  repayment: RepaymentKind;
  startOn: string;
}

/** outstanding × bp × months / 120000, rounded half up, exactly. */
export function periodInterest(outstandingFen: number, bp: number, months: number): number {
  const num = BigInt(outstandingFen) * BigInt(bp) * BigInt(months);
  const den = 120_000n;
  return Number((num * 2n + den) / (den * 2n));
}

export function buildSchedule(t: LoanTerms): Installment[] {
  const periods = Math.ceil(t.termMonths / t.intervalMonths);
  const base = Math.floor(t.principalFen / periods);
  const out: Installment[] = [];
  let outstanding = t.principalFen;
  for (let no = 1; no <= periods; no++) {
    const last = no === periods;
    const months = last ? t.termMonths - t.intervalMonths * (periods - 1) : t.intervalMonths;
    const principalFen =
      t.repayment === 'bullet' ? (last ? t.principalFen : 0) : last ? outstanding : base;
    const interestFen = periodInterest(outstanding, t.annualRateBp, months);
    const discountFen = Math.min(interestFen, periodInterest(outstanding, t.discountBp, months));
    out.push({
      no,
      dueOn: dayjs
        .utc(t.startOn)
        .add(Math.min(no * t.intervalMonths, t.termMonths), 'month')
        .format('YYYY-MM-DD'),
      principalFen,
      interestFen,
      discountFen,
      dueFen: principalFen + interestFen - discountFen,
      paidFen: 0,
    });
    outstanding -= principalFen;
  }
  return out;
}

/**
 * Applies a repayment to the installments in order (oldest first). Returns the new schedule,
 * or null when the amount is more than everything still owed.
 */
export function applyRepayment(schedule: Installment[], amountFen: number): Installment[] | null {
  let left = amountFen;
  const next = schedule.map((i) => {
    const take = Math.min(left, i.dueFen - i.paidFen);
    left -= take;
    return take > 0 ? { ...i, paidFen: i.paidFen + take } : i;
  });
  return left > 0 ? null : next;
}

export function owedFen(schedule: Installment[]): number {
  return schedule.reduce((s, i) => s + i.dueFen - i.paidFen, 0);
}

/** The first installment not fully paid, or null when the loan is repaid. */
export function firstUnpaid(schedule: Installment[]): Installment | null {
  return schedule.find((i) => i.paidFen < i.dueFen) ?? null;
}

/** What is due by `today` and unpaid, and since when. */
export function overdueOf(
  schedule: Installment[],
  today: string,
): { overdueFen: number; since: string | null; daysOverdue: number } {
  const late = schedule.filter((i) => i.dueOn < today && i.paidFen < i.dueFen);
  const since = late[0]?.dueOn ?? null;
  return {
    overdueFen: late.reduce((s, i) => s + i.dueFen - i.paidFen, 0),
    since,
    daysOverdue: since ? dayjs.utc(today).diff(dayjs.utc(since), 'day') : 0,
  };
}
