import { bi, type Bilingual, type FieldError } from '@fupin/kit';
import { daysBetween, plannedShare, type TaskRiskRule } from '@fupin/reference';

/*
 * 倒排工期 — the rules of the county's task schedule, pure: where a task stands on a day (done,
 * done late, overdue, at risk, on track) and whether a progress report may be stored. No
 * database, no HTTP; days as `YYYY-MM-DD` (China).
 */

export const TASK_STATES = ['on_track', 'at_risk', 'overdue', 'done', 'done_late'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TaskState, Bilingual> = {
  on_track: bi('按期推进', 'on track'),
  at_risk: bi('临期预警', 'at risk'),
  overdue: bi('已逾期', 'overdue'),
  done: bi('按期完成', 'done on time'),
  done_late: bi('逾期完成', 'done late'),
};

export interface Milestone {
  title: string;
  dueOn: string;
  doneOn: string | null;
}

/** The part of a task its state reads. */
export interface StateFields {
  startOn: string;
  dueOn: string;
  progressPercent: number;
  completedOn: string | null;
  milestones: readonly Milestone[];
}

export interface TaskStanding {
  state: TaskState;
  /** Days from the day to the deadline (negative once past it). */
  daysLeft: number;
  /** Where the straight line from start to deadline puts the work on the day, whole percent. */
  plannedPercent: number;
  /** Points the reported progress is behind that line (0 when ahead). */
  behindPoints: number;
  /** Milestones past their day and not done. */
  lateMilestones: number;
  /** Why it is at risk or overdue, for the list and the bulletin. */
  reasons: Bilingual[];
  ruleVersion: number;
}

/**
 * Where a task stands on a day. Finished: on time when completed on or before the deadline,
 * else late. Unfinished: overdue from the day after the deadline (the deadline itself is still
 * in time); at risk when the deadline is `dueWithinDays` away or fewer, when the progress is more
 * than `behindPercentPoints` behind the straight line, or when a milestone is past its day.
 */
export function taskStandingOf(t: StateFields, today: string, rule: TaskRiskRule): TaskStanding {
  const daysLeft = daysBetween(today, t.dueOn);
  const { elapsed, span } = plannedShare(t.startOn, t.dueOn, today);
  const plannedPercent = Math.round((elapsed / span) * 100);
  // Exact comparison: behind by more than the threshold means progress*span < (elapsed*100 - pts*span).
  const behindExact = elapsed * 100 - t.progressPercent * span;
  const behindPoints = Math.max(0, Math.round(behindExact / span));
  const lateMilestones = t.milestones.filter((m) => !m.doneOn && m.dueOn < today).length;
  const base = {
    daysLeft,
    plannedPercent,
    behindPoints,
    lateMilestones,
    ruleVersion: rule.version,
  };
  if (t.completedOn)
    return { ...base, state: t.completedOn <= t.dueOn ? 'done' : 'done_late', reasons: [] };
  if (daysLeft < 0)
    return {
      ...base,
      state: 'overdue',
      reasons: [bi(`已超过完成时限 ${-daysLeft} 天`, `${-daysLeft} days past the deadline`)],
    };
  const reasons: Bilingual[] = [];
  if (daysLeft <= rule.dueWithinDays)
    reasons.push(bi(`距完成时限仅剩 ${daysLeft} 天`, `${daysLeft} days to the deadline`));
  if (behindExact > rule.behindPercentPoints * span)
    reasons.push(
      bi(
        `进度 ${t.progressPercent}% 落后计划 ${plannedPercent}% 超过 ${rule.behindPercentPoints} 个百分点`,
        `progress ${t.progressPercent}% is more than ${rule.behindPercentPoints} points behind the planned ${plannedPercent}%`,
      ),
    );
  if (lateMilestones > 0)
    reasons.push(
      bi(`${lateMilestones} 个节点已过期未完成`, `${lateMilestones} milestones past due`),
    );
  return { ...base, state: reasons.length > 0 ? 'at_risk' : 'on_track', reasons };
}

/** Whether a task's dates and milestones hang together (entered or imported). */
export function taskDateErrors(t: {
  startOn: string;
  dueOn: string;
  milestones: readonly { title: string; dueOn: string }[];
}): FieldError[] {
  const errors: FieldError[] = [];
  if (t.dueOn < t.startOn)
    errors.push({
      field: 'dueOn',
      code: 'before_start',
      message: bi('完成时限不能早于开始日期', 'the deadline cannot be before the start'),
    });
  t.milestones.forEach((m, i) => {
    if (m.dueOn < t.startOn || m.dueOn > t.dueOn)
      errors.push({
        field: `milestones.${i}.dueOn`,
        code: 'outside_task',
        message: bi(
          `节点“${m.title}”的时间应在任务开始与完成时限之间`,
          `milestone "${m.title}" must fall between the task's start and its deadline`,
        ),
      });
  });
  return errors;
}

/** Whether a progress report may be stored: not in the future, not before the task starts. */
export function progressErrors(
  input: { percent: number; reportedOn: string; reason?: string | null },
  task: { startOn: string; progressPercent: number; completedOn: string | null },
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.reportedOn > today)
    errors.push({
      field: 'reportedOn',
      code: 'in_future',
      message: bi('填报日期不能晚于今天', 'the report date cannot be after today'),
    });
  if (input.reportedOn < task.startOn)
    errors.push({
      field: 'reportedOn',
      code: 'before_start',
      message: bi(
        '填报日期不能早于任务开始日期',
        'the report date cannot be before the task starts',
      ),
    });
  if (input.percent < task.progressPercent && !input.reason?.trim())
    errors.push({
      field: 'reason',
      code: 'required',
      message: bi(
        `进度低于上次填报的 ${task.progressPercent}%，须说明原因`,
        `progress below the last report's ${task.progressPercent}% needs a reason`,
      ),
    });
  return errors;
}
