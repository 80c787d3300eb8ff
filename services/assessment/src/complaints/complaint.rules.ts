import {
  addDays,
  COMPLAINT_MAX_DAYS,
  type ComplaintSatisfaction,
  type ComplaintStatus,
  complaintDeadlineRuleFor,
  daysBetween,
} from '@fupin/reference';

// The rules of 信访办理 as pure functions: the due day, whether an answer came on time, which
// step each state allows, and a unit's counts for a period.

/** The due day of a complaint received (or reopened) on a day, and the rule version that set it. */
export function defaultDueOn(from: string): { dueOn: string; rule: number } {
  const rule = complaintDeadlineRuleFor(from);
  return { dueOn: addDays(from, rule.answerWithinDays), rule: rule.version };
}

/** Whether a due day set by hand is allowed: not before the start, at most 60 days after it (信访条例). */
export function dueOnProblem(from: string, dueOn: string): 'before_start' | 'too_late' | null {
  const days = daysBetween(from, dueOn);
  if (days < 0) return 'before_start';
  if (days > COMPLAINT_MAX_DAYS) return 'too_late';
  return null;
}

/**
 * 按期答复 / 逾期: an answer on or before the due day is on time (the due day itself counts);
 * after it, late. Without an answer, a complaint is overdue from the day after its due day.
 */
export type Timeliness = 'on_time' | 'late' | 'open' | 'overdue';

export function timelinessOf(
  c: { dueOn: string; answeredOn: string | null },
  today: string,
): Timeliness {
  if (c.answeredOn !== null) return c.answeredOn <= c.dueOn ? 'on_time' : 'late';
  return today > c.dueOn ? 'overdue' : 'open';
}

export type ComplaintStep = 'assign' | 'answer' | 'satisfaction' | 'reopen';

/** Which step each state allows: the table the service checks before it writes. */
const ALLOWED: Record<ComplaintStep, readonly ComplaintStatus[]> = {
  assign: ['pending', 'in_progress', 'reopened'],
  answer: ['in_progress', 'reopened'],
  satisfaction: ['answered'],
  reopen: ['closed'],
};

export function stepAllowed(step: ComplaintStep, status: ComplaintStatus): boolean {
  return ALLOWED[step].includes(status);
}

/** The state a step leads to. A recorded satisfaction closes the round (已办结). */
export function stateAfter(step: ComplaintStep): ComplaintStatus {
  switch (step) {
    case 'assign':
      return 'in_progress';
    case 'answer':
      return 'answered';
    case 'satisfaction':
      return 'closed';
    case 'reopen':
      return 'reopened';
  }
}

/** Only an 不满意 can be reopened (重新办理). */
export function canReopen(satisfaction: ComplaintSatisfaction | null): boolean {
  return satisfaction === 'unsatisfied';
}

/** One complaint as the per-unit counts read it. */
export interface CountedComplaint {
  unitId: string | null;
  unitName: string | null;
  dueOn: string;
  answeredOn: string | null;
  satisfaction: ComplaintSatisfaction | null;
}

/** 承办单位办理情况 — one unit's complaints received in a period. */
export interface UnitComplaintCounts {
  unitId: string | null;
  unitName: string | null;
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered and past the due day on the count's day. */
  overdue: number;
  rated: number;
  satisfied: number;
  /** (满意 + 基本满意) ÷ rated, as a fraction; null when none was rated. */
  satisfactionRate: number | null;
  /** Answered on time ÷ received, as a fraction; null when none was received. */
  onTimeRate: number | null;
}

/** Counts per assigned unit (unassigned complaints under `null`), ordered by unit id. */
export function countPerUnit(
  rows: Iterable<CountedComplaint>,
  today: string,
): UnitComplaintCounts[] {
  const byUnit = new Map<string | null, UnitComplaintCounts>();
  for (const r of rows) {
    let c = byUnit.get(r.unitId);
    if (!c) {
      c = {
        unitId: r.unitId,
        unitName: r.unitName,
        received: 0,
        answered: 0,
        answeredOnTime: 0,
        answeredLate: 0,
        overdue: 0,
        rated: 0,
        satisfied: 0,
        satisfactionRate: null,
        onTimeRate: null,
      };
      byUnit.set(r.unitId, c);
    }
    c.received += 1;
    const t = timelinessOf(r, today);
    if (t === 'on_time' || t === 'late') c.answered += 1;
    if (t === 'on_time') c.answeredOnTime += 1;
    if (t === 'late') c.answeredLate += 1;
    if (t === 'overdue') c.overdue += 1;
    if (r.satisfaction !== null) {
      c.rated += 1;
      if (r.satisfaction !== 'unsatisfied') c.satisfied += 1;
    }
  }
  return [...byUnit.values()]
    .map((c) => ({
      ...c,
      satisfactionRate: c.rated ? c.satisfied / c.rated : null,
      onTimeRate: c.received ? c.answeredOnTime / c.received : null,
    }))
    .sort((a, b) => (a.unitId ?? '').localeCompare(b.unitId ?? ''));
}
