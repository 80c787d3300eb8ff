import { dayProblem, flagChange, officeTransition } from '../src/accountability/case.rules';

describe('the office steps of a 问责 case', () => {
  const open = { status: 'open' as const, followUps: 0 };
  const decided = { status: 'decided' as const, followUps: 0 };

  test('an open case is decided, a decided one followed up and closed after a follow-up', () => {
    expect(officeTransition(open, 'decide')).toEqual({ ok: true, to: 'decided' });
    expect(officeTransition(decided, 'follow_up')).toEqual({ ok: true, to: 'decided' });
    expect(officeTransition({ ...decided, followUps: 1 }, 'close')).toEqual({
      ok: true,
      to: 'closed',
    });
  });

  test.each([
    [open, 'follow_up', 409, 'ASSESSMENT_CASE_NOT_DECIDED'],
    [open, 'close', 409, 'ASSESSMENT_CASE_NOT_DECIDED'],
    [decided, 'decide', 409, 'ASSESSMENT_CASE_ALREADY_DECIDED'],
    [decided, 'close', 422, 'ASSESSMENT_CASE_NO_FOLLOW_UP'],
    [{ status: 'closed', followUps: 2 }, 'decide', 409, 'ASSESSMENT_CASE_CLOSED'],
    [{ status: 'closed', followUps: 2 }, 'follow_up', 409, 'ASSESSMENT_CASE_CLOSED'],
    [{ status: 'closed', followUps: 2 }, 'close', 409, 'ASSESSMENT_CASE_CLOSED'],
    [{ status: 'withdrawn', followUps: 0 }, 'decide', 409, 'ASSESSMENT_CASE_WITHDRAWN'],
    [{ status: 'withdrawn', followUps: 0 }, 'follow_up', 409, 'ASSESSMENT_CASE_WITHDRAWN'],
  ] as const)('%o %s is refused %i %s in both languages', (state, action, status, code) => {
    const v = officeTransition(state, action);
    expect(v).toMatchObject({ ok: false, status, code });
    if (!v.ok) {
      expect(v.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(v.message.en).toMatch(/[a-z]/);
    }
  });

  test('a day is refused after today and before the day it follows; the boundaries pass', () => {
    const after = { day: '2019-07-15', what: { 'zh-CN': '决定日期', en: 'the decision' } };
    expect(dayProblem('2019-07-20', '2019-07-20', after)).toBeNull();
    expect(dayProblem('2019-07-15', '2019-07-20', after)).toBeNull();
    expect(dayProblem('2019-07-21', '2019-07-20', after)?.['zh-CN']).toContain('晚于今天');
    expect(dayProblem('2019-07-14', '2019-07-20', after)?.en).toContain('2019-07-15');
  });
});

describe('what the ranking in force does to a unit’s case', () => {
  const at = (status: 'open' | 'decided' | 'closed' | 'withdrawn', version = 1, more = {}) => ({
    status,
    decided: status !== 'open',
    version,
    withdrawn: status === 'withdrawn',
    ...more,
  });

  test('a first flag opens the case; no flag and no case is nothing', () => {
    expect(flagChange(null, true, 1)).toEqual({ kind: 'open' });
    expect(flagChange(null, false, 1)).toEqual({ kind: 'none' });
  });

  test('a version already taken in changes nothing (re-publication, restart)', () => {
    for (const s of ['open', 'decided', 'closed', 'withdrawn'] as const) {
      expect(flagChange(at(s, 2), true, 2)).toEqual({ kind: 'none' });
      expect(flagChange(at(s, 2), false, 2)).toEqual({ kind: 'none' });
      expect(flagChange(at(s, 3), true, 2)).toEqual({ kind: 'none' });
    }
  });

  test('a later version still flagging refreshes the facts, whatever the status', () => {
    for (const s of ['open', 'decided', 'closed'] as const)
      expect(flagChange(at(s), true, 2)).toEqual({ kind: 'refresh' });
  });

  test('a later version no longer flagging withdraws an open or decided case; a closed one stays closed', () => {
    expect(flagChange(at('open'), false, 2)).toEqual({ kind: 'withdraw', to: 'withdrawn' });
    expect(flagChange(at('decided'), false, 2)).toEqual({ kind: 'withdraw', to: 'withdrawn' });
    expect(flagChange(at('closed'), false, 2)).toEqual({ kind: 'withdraw', to: 'closed' });
    expect(flagChange(at('withdrawn'), false, 3)).toEqual({ kind: 'none' });
  });

  test('flagged again, a withdrawn case goes back to where it was', () => {
    expect(flagChange(at('withdrawn', 2, { decided: false }), true, 3)).toEqual({
      kind: 'reinstate',
      to: 'open',
    });
    expect(flagChange(at('withdrawn', 2, { decided: true }), true, 3)).toEqual({
      kind: 'reinstate',
      to: 'decided',
    });
    expect(flagChange(at('closed', 2, { withdrawn: true }), true, 3)).toEqual({
      kind: 'reinstate',
      to: 'closed',
    });
  });
});
