import { bi } from '@fupin/kit';
import { fenToYuanString } from '@fupin/reference';
import dayjs from 'dayjs';
import type { CheckResult } from '../workflows/workflow.checks';

// 风险消除 conditions beyond the household's yearly income and guarantees (pure): months of
// stable income above the monitoring line from the follow-up log, no open warning, a recent
// home check. The public notice is the removal workflow's own 公示 step.

/** One month of the follow-up log as the rules read it. */
export interface FollowUpMonth {
  month: string;
  incomeFen: number | null;
  size: number;
  homeCheckOn: string | null;
}

/** What the registry knows of a monitored household's risk when its removal starts. */
export interface RiskFacts {
  months: FollowUpMonth[];
  openWarnings: number;
  /** Consecutive months required (configurable, 6 by default). */
  requiredMonths: number;
  /** The monitoring line of a year, fen per person per year. */
  lineOf: (year: number) => number;
  /** YYYY-MM-DD (Asia/Shanghai). */
  today: string;
}

/** A month's income at or above the monitoring line, per person, on a yearly basis. */
export function monthIsStable(m: FollowUpMonth, lineFen: number): boolean {
  if (m.incomeFen === null || m.size <= 0) return false;
  return (m.incomeFen * 12) / m.size >= lineFen;
}

/**
 * The months of stable income in a row, ending with this month or the one before (the latest
 * month that can be complete): a month missing or below the line ends the run.
 */
export function stableMonths(f: Pick<RiskFacts, 'months' | 'lineOf' | 'today'>): number {
  const byMonth = new Map(f.months.map((m) => [m.month, m]));
  const thisMonth = dayjs(f.today).format('YYYY-MM');
  let cursor = dayjs(f.today).startOf('month');
  if (!byMonth.has(thisMonth)) cursor = cursor.subtract(1, 'month');
  let count = 0;
  for (;;) {
    const m = byMonth.get(cursor.format('YYYY-MM'));
    if (!m || !monthIsStable(m, f.lineOf(cursor.year()))) return count;
    count++;
    cursor = cursor.subtract(1, 'month');
  }
}

/** The latest home check's day, if any. */
export function lastHomeCheck(months: FollowUpMonth[]): string | null {
  const days = months.map((m) => m.homeCheckOn).filter((d): d is string => d !== null);
  return days.length ? days.sort().at(-1)! : null;
}

/** The conditions of 风险消除 that the follow-up log and the warnings decide. */
export function riskClearedChecks(f: RiskFacts): CheckResult[] {
  const stable = stableMonths(f);
  const line = f.lineOf(dayjs(f.today).year());
  const check = lastHomeCheck(f.months);
  const monthAgo = dayjs(f.today).subtract(1, 'month').format('YYYY-MM-DD');
  return [
    {
      check: 'stable_income_months',
      passed: stable >= f.requiredMonths,
      field: 'followUps',
      message: bi(
        `连续${stable}个月人均收入不低于监测线（¥${fenToYuanString(line)}/年），须连续${f.requiredMonths}个月`,
        `${stable} consecutive months of per-capita income at or above the monitoring line (¥${fenToYuanString(line)} a year); ${f.requiredMonths} are required`,
      ),
    },
    {
      check: 'no_open_warning',
      passed: f.openWarnings === 0,
      field: 'warnings',
      message: bi(
        f.openWarnings ? `尚有${f.openWarnings}条预警未核实` : '没有未核实的预警',
        f.openWarnings ? `${f.openWarnings} warnings are still to verify` : 'No warning left open',
      ),
    },
    {
      check: 'home_check_recent',
      passed: check !== null && check >= monthAgo && check <= f.today,
      field: 'followUps',
      message: bi(
        check
          ? `最近一次入户核查在${check}，须在近一个月内`
          : '没有入户核查记录，须在近一个月内入户核查',
        check
          ? `The last home check was on ${check}; one within the last month is required`
          : 'No home check recorded; one within the last month is required',
      ),
    },
  ];
}
