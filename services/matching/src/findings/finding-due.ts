import type { FindingStatus } from '@fupin/contracts';
import { type Bilingual, bi, type FieldError } from '@fupin/kit';
import type { Finding, WorkflowStep } from './finding.model';
import { FINDING_CLOSED } from './finding.workflow';

const DAY_MS = 24 * 3600 * 1000;
/** A deadline is set at most this far ahead. */
export const MAX_DUE_AHEAD_MS = 365 * DAY_MS;
export const DUE_REASON_MIN = 2;
export const DUE_REASON_MAX = 200;

export type DueCheck =
  | { ok: true; dueAt: Date; reason: string }
  | { ok: false; status: 409 | 422; code: string; message: Bilingual; errors: FieldError[] };

const field = (name: string, code: string, zh: string, en: string): FieldError => ({
  field: name,
  code,
  message: bi(zh, en),
});

/**
 * 督办 — whether the county poverty office may set this deadline on a finding now: the finding
 * is not closed (refused like any step on a closed finding, 409 `MATCHING_FINDING_CLOSED`), the
 * deadline is later than now and at most 365 days ahead, and a reason of 2–200 characters
 * (trimmed) is given. Pure: answers the checked deadline and trimmed reason, or the refusal.
 */
export function checkDue(
  f: { status: FindingStatus },
  input: { dueAt: Date; reason?: string | undefined },
  now: Date,
): DueCheck {
  if (f.status === 'closed') return { ok: false, status: 409, ...FINDING_CLOSED, errors: [] };
  const errors: FieldError[] = [];
  const at = input.dueAt.getTime();
  if (Number.isNaN(at))
    errors.push(field('dueAt', 'invalid', '请填写有效的整改期限', 'Give a valid deadline'));
  else if (at <= now.getTime())
    errors.push(
      field('dueAt', 'too_small', '整改期限须晚于当前时间', 'The deadline must be later than now'),
    );
  else if (at > now.getTime() + MAX_DUE_AHEAD_MS)
    errors.push(
      field(
        'dueAt',
        'too_big',
        '整改期限最长为365天后',
        'The deadline may be at most 365 days ahead',
      ),
    );
  const reason = input.reason?.trim() ?? '';
  if (reason.length < DUE_REASON_MIN)
    errors.push(
      field(
        'reason',
        'required',
        '请填写调整整改期限的原因（至少2个字）',
        'Give the reason for the deadline (at least 2 characters)',
      ),
    );
  else if (reason.length > DUE_REASON_MAX)
    errors.push(
      field('reason', 'too_big', '原因最多200个字', 'The reason may be at most 200 characters'),
    );
  if (errors.length)
    return {
      ok: false,
      status: 422,
      code: 'MATCHING_FINDING_DUE_INVALID',
      message: bi('整改期限或原因有误，请检查标出的字段', 'The deadline or its reason is invalid'),
      errors,
    };
  return { ok: true, dueAt: input.dueAt, reason };
}

/**
 * The change a checked deadline makes: the new `dueAt`, the overdue report cleared (a later
 * sweep reports the finding again if the new deadline passes), the revision counted, and the
 * history step (调整整改期限) with the deadline before and after and the reason.
 */
export function dueChange(
  f: Finding,
  due: { dueAt: Date; reason: string },
  by: { id: string; name: string },
  now: Date,
): { set: Partial<Finding>; step: WorkflowStep; after: Finding } {
  const set: Partial<Finding> = {
    dueAt: due.dueAt,
    overdueReportedAt: null,
    revision: f.revision + 1,
  };
  const step: WorkflowStep = {
    at: now,
    action: 'due',
    byId: by.id,
    byName: by.name,
    note: due.reason,
    dueBefore: f.dueAt,
    dueAfter: due.dueAt,
  };
  return { set, step, after: { ...f, ...set, history: [...f.history, step] } };
}
