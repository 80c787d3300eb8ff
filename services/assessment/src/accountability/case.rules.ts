import { type Bilingual, bi } from '@fupin/kit';
import type { CaseStatus } from './case.model';

// 问责案件 as pure rules: what the office may do to a case in each status, which days its
// entries may carry, and what a ranking version in force does to the case of a unit.

export type OfficeAction = 'decide' | 'follow_up' | 'close';

export type Verdict =
  { ok: true; to: CaseStatus } | { ok: false; status: 409 | 422; code: string; message: Bilingual };

const refuse = (status: 409 | 422, code: string, zh: string, en: string): Verdict => ({
  ok: false,
  status,
  code,
  message: bi(zh, en),
});

/** What a case looks like to the rules. */
export interface CaseState {
  status: CaseStatus;
  followUps: number;
}

/**
 * 作出决定 on an open case only; 跟进 once decided; 办结 once decided and followed up at least
 * once. A closed or withdrawn case takes nothing more.
 */
export function officeTransition(c: CaseState, action: OfficeAction): Verdict {
  if (c.status === 'closed')
    return refuse(
      409,
      'ASSESSMENT_CASE_CLOSED',
      '该问责案件已跟进完毕（已办结），不能再修改',
      'The case is closed; it takes no more changes',
    );
  if (c.status === 'withdrawn')
    return refuse(
      409,
      'ASSESSMENT_CASE_WITHDRAWN',
      '重新计算后该单位已不再问责，案件已撤销',
      'A recomputed ranking no longer flags the unit; the case was withdrawn',
    );
  switch (action) {
    case 'decide':
      return c.status === 'open'
        ? { ok: true, to: 'decided' }
        : refuse(
            409,
            'ASSESSMENT_CASE_ALREADY_DECIDED',
            '该问责案件已作出决定，请记录跟进情况',
            'The case is decided already; record the follow-up instead',
          );
    case 'follow_up':
      return c.status === 'decided'
        ? { ok: true, to: 'decided' }
        : refuse(
            409,
            'ASSESSMENT_CASE_NOT_DECIDED',
            '请先作出问责决定，再记录跟进情况',
            'Record the decision before its follow-up',
          );
    case 'close':
      if (c.status !== 'decided')
        return refuse(
          409,
          'ASSESSMENT_CASE_NOT_DECIDED',
          '请先作出问责决定，跟进后再办结',
          'Record the decision and its follow-up before closing the case',
        );
      return c.followUps > 0
        ? { ok: true, to: 'closed' }
        : refuse(
            422,
            'ASSESSMENT_CASE_NO_FOLLOW_UP',
            '办结前须至少记录一次跟进情况',
            'Record at least one follow-up before closing the case',
          );
  }
}

/** Why a day an entry carries is refused, or null: never after today, never before `notBefore`. */
export function dayProblem(
  day: string,
  today: string,
  notBefore: { day: string; what: Bilingual } | null,
): Bilingual | null {
  if (day > today) return bi('日期不能晚于今天', 'The day cannot be after today');
  if (notBefore && day < notBefore.day)
    return bi(
      `日期不能早于${notBefore.what['zh-CN']}（${notBefore.day}）`,
      `The day cannot be before ${notBefore.what.en} (${notBefore.day})`,
    );
  return null;
}

/** A unit's case as the ranking sync sees it. */
export interface SyncState {
  status: CaseStatus;
  decided: boolean;
  /** The newest version the case has taken in (its facts' or its withdrawal's). */
  version: number;
  withdrawn: boolean;
}

export type FlagChange =
  | { kind: 'open' }
  | { kind: 'refresh' }
  | { kind: 'reinstate'; to: CaseStatus }
  | { kind: 'withdraw'; to: CaseStatus }
  | { kind: 'none' };

/**
 * What the version in force (`version`, flagging the unit or not) does to the unit's case of
 * the quarter: a first flag opens it; a later version still flagging refreshes its facts, or
 * reinstates it when an earlier recomputation had withdrawn it; a later version no longer
 * flagging withdraws it — an open or decided case becomes 已撤销, a closed one stays closed
 * with the withdrawal noted. A version the case has seen changes nothing (idempotent).
 */
export function flagChange(c: SyncState | null, flagged: boolean, version: number): FlagChange {
  if (!c) return flagged ? { kind: 'open' } : { kind: 'none' };
  if (version <= c.version) return { kind: 'none' };
  if (flagged) {
    if (!c.withdrawn) return { kind: 'refresh' };
    if (c.status === 'closed') return { kind: 'reinstate', to: 'closed' };
    return { kind: 'reinstate', to: c.decided ? 'decided' : 'open' };
  }
  if (c.withdrawn) return { kind: 'none' };
  return { kind: 'withdraw', to: c.status === 'closed' ? 'closed' : 'withdrawn' };
}
