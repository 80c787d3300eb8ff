// 倒排工期 — when a task of the county's schedule counts as 临期 (at risk): reference data,
// versioned like the payment stages, so the dashboard and the bulletin name the rule they used.

export interface TaskRiskRule {
  version: number;
  /** The first day (YYYY-MM-DD, China) it applies to. */
  from: string;
  /** An unfinished task whose deadline is this many days away or fewer is at risk. */
  dueWithinDays: number;
  /**
   * …or one whose reported progress is more than this many points behind the straight line
   * from its start to its deadline.
   */
  behindPercentPoints: number;
}

export const TASK_RISK_RULES: readonly TaskRiskRule[] = [
  { version: 1, from: '2014-01-01', dueWithinDays: 7, behindPercentPoints: 20 },
];

/** The rule that applies on a day: the latest one from that day or before. */
export function taskRiskRuleFor(on: string): TaskRiskRule {
  let found = TASK_RISK_RULES[0]!;
  for (const r of TASK_RISK_RULES) if (r.from <= on) found = r;
  return found;
}
