import { AppError, bi, type Bilingual, type FieldError } from '@fupin/kit';
import { daysBetween } from '@fupin/reference';
import { statusLabel } from '../households/household.rules';
import { DEFINITIONS } from './definitions';
import { assertMayAct, conflictOf } from './workflow.steps';
import {
  type Caller,
  type Decision,
  KIND_LABELS,
  NOTICE_DAYS,
  stateOf,
  type WorkflowHousehold,
  type WorkflowRun,
  type WorkflowStep,
} from './workflow.types';

// 补录 清退 — a 清退 the village, township and county completed off-line before the platform kept
// its steps: the county records it with its dates and its approval document. The run is kept
// closed and approved with every step at its own date, and the household is cancelled exactly
// as the county approval of a running 清退 cancels it.

/** The dates of a 清退 completed off-line, as calendar days (YYYY-MM-DD, Asia/Shanghai). */
export interface ClearanceDates {
  /** 村民主评议 */
  appraisedOn: string;
  /** 公示 from … */
  noticeStartsOn: string;
  /** … to (at least seven days after its start) */
  noticeEndsOn: string;
  /** 乡镇审核 */
  reviewedOn: string;
  /** 县级审定 */
  approvedOn: string;
}

export interface ClearanceRecordCommand extends ClearanceDates {
  /** Why the household was cleared. */
  reason: string;
  /** The approval document's number (审定文号). */
  document: string;
  /** Further evidence references. */
  evidence?: string[];
  /** The matching finding the 清退 was for, when there was one. */
  findingId?: string;
}

const DATE_FIELDS: readonly (keyof ClearanceDates)[] = [
  'appraisedOn',
  'noticeStartsOn',
  'noticeEndsOn',
  'reviewedOn',
  'approvedOn',
];

/** The start of a calendar day in Asia/Shanghai. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Today in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * What is wrong with the dates, every fault listed: each date a real day not after today; the
 * appraisal on or before the notice's start; the notice at least seven days; the township
 * review on or after the notice's end; the county approval on or after the review.
 */
export function clearanceDateFaults(d: ClearanceDates, now: Date): FieldError[] {
  const faults: FieldError[] = [];
  const fault = (field: keyof ClearanceDates, code: string, message: Bilingual) =>
    faults.push({ field, code, message });
  const today = shanghaiToday(now);
  for (const f of DATE_FIELDS) {
    const day = dayStart(d[f]);
    // A day that does not exist (2月30日) either fails to parse or rolls into the next month.
    if (Number.isNaN(day.getTime()) || shanghaiToday(day) !== d[f]) {
      fault(f, 'invalid_date', bi('不是有效日期', 'not a valid date'));
    } else if (d[f] > today) {
      fault(f, 'not_past', bi(`不能晚于今天（${today}）`, `cannot be later than today (${today})`));
    }
  }
  if (faults.length) return faults;
  if (d.appraisedOn > d.noticeStartsOn)
    fault(
      'appraisedOn',
      'after_notice',
      bi('村民主评议须在公示开始之前或当天', 'the village appraisal comes before the notice'),
    );
  const noticeDays = daysBetween(d.noticeStartsOn, d.noticeEndsOn);
  if (noticeDays < NOTICE_DAYS)
    fault(
      'noticeEndsOn',
      'notice_too_short',
      bi(
        `公示期须满${NOTICE_DAYS}天（所填为${noticeDays}天）`,
        `the notice lasts at least ${NOTICE_DAYS} days (${noticeDays} given)`,
      ),
    );
  if (d.reviewedOn < d.noticeEndsOn)
    fault(
      'reviewedOn',
      'before_notice_end',
      bi('乡镇审核须在公示期满之后', 'the township review comes after the notice ends'),
    );
  if (d.approvedOn < d.reviewedOn)
    fault(
      'approvedOn',
      'before_review',
      bi('县级审定须在乡镇审核之后', 'the county approval comes after the township review'),
    );
  return faults;
}

/**
 * Decides a 补录: the county with the approve right within its scope, no workflow running, a
 * status 清退 starts from, the dates in order and in the past. The run is closed and approved,
 * its steps at their own dates; the household moves to `cancelled`.
 */
export function recordPastClearance(
  h: WorkflowHousehold,
  stored: unknown,
  cmd: ClearanceRecordCommand,
  caller: Caller,
  now: Date,
  newId: () => string,
): Decision {
  const state = stateOf(stored);
  const def = DEFINITIONS.clearance;
  assertMayAct('approve', 'clearance', h, caller);
  if (state.active) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_ALREADY_ACTIVE',
      bi(
        `该户已有进行中的「${KIND_LABELS[state.active.kind]['zh-CN']}」流程，须先办结后再补录`,
        `The household has a ${KIND_LABELS[state.active.kind].en} workflow in progress; close it before recording`,
      ),
      { activeWorkflow: state.active.kind, stage: state.active.stage },
    );
  }
  if (!def.from.includes(h.status)) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
      bi(
        `当前状态（${statusLabel(h.status)}）不能清退`,
        `Clearance cannot apply to the status ${h.status}`,
      ),
      { currentStatus: h.status, allowedStatuses: def.from },
    );
  }
  const faults = clearanceDateFaults(cmd, now);
  if (faults.length) {
    throw new AppError(
      422,
      'REGISTRY_CLEARANCE_RECORD_DATES',
      bi(
        `补录清退的日期有误：${faults.map((f) => f.message['zh-CN']).join('；')}`,
        `The dates of the recorded clearance are wrong: ${faults.map((f) => f.message.en).join('; ')}`,
      ),
      { errors: faults },
    );
  }
  const findingId = cmd.findingId ?? null;
  const recorded = { recorded: true, recordedAt: now.toISOString() };
  const actor = { id: caller.id, name: caller.name, areaCode: caller.areaCode };
  const at = (day: string) => dayStart(day).toISOString();
  const stepOf = (
    action: WorkflowStep['action'],
    day: string,
    reason: string,
    details: Record<string, unknown>,
    evidence: string[] = [],
  ): WorkflowStep => ({
    action,
    at: at(day),
    actor,
    reason,
    evidence,
    details: { ...details, ...recorded },
  });
  const notice = { startsAt: at(cmd.noticeStartsOn), endsAt: at(cmd.noticeEndsOn) };
  const approve = stepOf(
    'approve',
    cmd.approvedOn,
    `县级审定清退（补录，${cmd.document}）`,
    { findingId, cancelledFrom: h.status, document: cmd.document },
    [cmd.document, ...(cmd.evidence ?? [])],
  );
  const run: WorkflowRun = {
    id: newId(),
    kind: 'clearance',
    stage: 'approved',
    outcome: 'approved',
    fromStatus: h.status,
    startedAt: at(cmd.appraisedOn),
    closedAt: approve.at,
    year: null,
    category: null,
    exclusions: null,
    notice,
    findingId,
    steps: [
      stepOf('start', cmd.appraisedOn, cmd.reason, { findingId }),
      stepOf('appraise', cmd.appraisedOn, '村民主评议（补录）', {}),
      stepOf('notice', cmd.noticeStartsOn, '公示（补录）', { ...notice }),
      stepOf('review', cmd.reviewedOn, '乡镇审核（补录）', {}),
      approve,
    ],
  };
  return {
    state: { ...state, closed: [...state.closed, run] },
    to: 'cancelled',
    set: {},
    historyAction: 'clearance.record',
    step: approve,
  };
}
