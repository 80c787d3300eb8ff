import { bi, type Bilingual, type FieldError } from '@fupin/kit';
import {
  type PaymentStage,
  plannedShare,
  paymentStagesFor,
  type ProjectStatus,
  type ProjectType,
} from '@fupin/reference';
import { sumFen } from '../shared/money';

/*
 * 项目进度 — the rules of progress, pure: what share of a project's funds its progress allows to
 * be paid (根据项目进度分阶段拨付), how far along its plan says it should be, whether it is slow
 * (进展缓慢), whether a report may be stored, and the completion rate as a share of the work.
 * No database, no HTTP; money in integer fen, days as `YYYY-MM-DD`.
 */

/** The part of a project the payment cap reads. */
export interface CapFields {
  type: ProjectType;
  status: ProjectStatus;
  plannedTotalFen: number;
  /** The last reported progress; null before any report. */
  progressPercent: number | null;
}

export interface PaymentCap {
  tableVersion: number;
  stage: Bilingual;
  sharePercent: number;
  /** What the payments of the project may total at this stage. */
  allowedFen: number;
}

/**
 * The cap progress puts on a project's payments, or null when its type has no stages: such a
 * project keeps today's behaviour — its payments are capped by its allocations only. A project
 * with no progress report is at 0%, so only the start stage applies. The share is of the
 * planned investment (计划投资), rounded down to the fen.
 */
export function paymentCapOf(p: CapFields, on: string): PaymentCap | null {
  const table = paymentStagesFor(p.type, on);
  if (!table) return null;
  const percent = p.progressPercent ?? 0;
  let reached: PaymentStage | null = null;
  for (const s of table.stages) {
    if (percent < s.minProgressPercent) continue;
    if (s.requiresAcceptance && p.status !== 'accepted') continue;
    if (!reached || s.sharePercent > reached.sharePercent) reached = s;
  }
  if (!reached) return null;
  return {
    tableVersion: table.version,
    stage: reached.label,
    sharePercent: reached.sharePercent,
    allowedFen: Math.floor((p.plannedTotalFen * reached.sharePercent) / 100),
  };
}

export type CapDecision =
  | { ok: true; cap: PaymentCap | null }
  | { ok: false; cap: PaymentCap; alreadyFen: number; requestedFen: number };

/**
 * Whether a payment fits under the cap: what is already paid or awaiting approval plus the
 * payment may reach the allowed amount exactly, not one fen more.
 */
export function decidePaymentByProgress(
  p: CapFields,
  money: { disbursedFen: number; reservedFen: number },
  amountFen: number,
  on: string,
): CapDecision {
  const cap = paymentCapOf(p, on);
  if (!cap) return { ok: true, cap: null };
  const alreadyFen = sumFen([money.disbursedFen, money.reservedFen]);
  if (sumFen([alreadyFen, amountFen]) <= cap.allowedFen) return { ok: true, cap };
  return { ok: false, cap, alreadyFen, requestedFen: amountFen };
}

export interface SlowFields {
  plannedStartOn: string | null;
  plannedFinishOn: string | null;
  progressPercent: number | null;
}

export interface SlowMeasure {
  /** Planned progress on the day, one decimal. */
  plannedPercent: number;
  reportedPercent: number;
  /** Percentage points behind the plan, one decimal. */
  behindPoints: number;
  slow: boolean;
}

/**
 * 进展缓慢 — reported progress more than `thresholdPoints` behind the plan (exactly at the
 * threshold is not slow). Null without planned dates: such a project has no plan to be behind.
 */
export function slowMeasureOf(
  p: SlowFields,
  on: string,
  thresholdPoints: number,
): SlowMeasure | null {
  if (!p.plannedStartOn || !p.plannedFinishOn) return null;
  const { elapsed, span } = plannedShare(p.plannedStartOn, p.plannedFinishOn, on);
  const reported = p.progressPercent ?? 0;
  // planned − reported > threshold, in whole numbers: 100·elapsed − reported·span > t·span.
  const slow = 100 * elapsed - reported * span > thresholdPoints * span;
  const plannedPercent = Math.round((1000 * elapsed) / span) / 10;
  return {
    plannedPercent,
    reportedPercent: reported,
    behindPoints: Math.round((plannedPercent - reported) * 10) / 10,
    slow,
  };
}

/** The part of a project the work-weighted completion rate reads. */
export interface WorkFields {
  status: ProjectStatus;
  plannedTotalFen: number;
  progressPercent: number | null;
}

const IN_LIBRARY: ProjectStatus[] = ['approved', 'in_progress', 'completed', 'accepted'];

/**
 * 完成率（按工作量）— Σ progress × planned investment / Σ planned investment over the projects in
 * the library, one decimal; a completed or accepted project counts as all its work done. Null
 * when nothing in the library has a planned investment.
 */
export function workCompletionRatePercent(projects: Iterable<WorkFields>): number | null {
  let weighted = 0;
  let budget = 0;
  for (const p of projects) {
    if (!IN_LIBRARY.includes(p.status)) continue;
    const done = p.status === 'completed' || p.status === 'accepted';
    const percent = done ? 100 : (p.progressPercent ?? 0);
    weighted += percent * p.plannedTotalFen;
    budget += p.plannedTotalFen;
  }
  return budget > 0 ? Math.round((weighted * 10) / budget) / 10 : null;
}

/** The last report a new one is compared with. */
export interface LastReport {
  percent: number;
  reportedOn: string;
}

/** Checks a progress report against the project's last one; the refusals as field errors. */
export function reportErrors(
  input: { percent: number; reportedOn: string; reason?: string | null | undefined },
  last: LastReport | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.reportedOn > today) {
    errors.push({
      field: 'reportedOn',
      code: 'in_future',
      message: bi('填报日期不能晚于今天', 'the report date cannot be after today'),
    });
  }
  if (last && input.reportedOn < last.reportedOn) {
    errors.push({
      field: 'reportedOn',
      code: 'before_previous',
      message: bi(
        `填报日期不能早于上次填报（${last.reportedOn}）`,
        `the report date cannot be before the last report (${last.reportedOn})`,
      ),
    });
  }
  if (last && input.percent < last.percent && !input.reason?.trim()) {
    errors.push({
      field: 'reason',
      code: 'required_when_lower',
      message: bi(
        `进度低于上次填报的 ${last.percent}%，须说明原因`,
        `the progress is below the last report's ${last.percent}%; say why`,
      ),
    });
  }
  return errors;
}
