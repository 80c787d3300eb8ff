import { checkDue, dueChange, MAX_DUE_AHEAD_MS } from '../src/findings/finding-due';
import type { Finding } from '../src/findings/finding.model';

const now = new Date('2026-12-05T01:00:00Z');
const open = { status: 'assigned' as const };
const reason = '县扶贫办督办：限期反馈核实结果';
const at = (ms: number) => new Date(now.getTime() + ms);
const fieldsOf = (r: ReturnType<typeof checkDue>) => (r.ok ? [] : r.errors.map((e) => e.field));

test('a deadline exactly now is refused: it must be later', () => {
  const r = checkDue(open, { dueAt: at(0), reason }, now);
  expect(r).toMatchObject({ ok: false, status: 422, code: 'MATCHING_FINDING_DUE_INVALID' });
  expect(fieldsOf(r)).toEqual(['dueAt']);
});

test('a deadline one millisecond from now is accepted', () => {
  expect(checkDue(open, { dueAt: at(1), reason }, now)).toEqual({ ok: true, dueAt: at(1), reason });
});

test('a deadline in the past is refused naming dueAt, in both languages', () => {
  const r = checkDue(open, { dueAt: at(-60_000), reason }, now);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors).toEqual([
    {
      field: 'dueAt',
      code: 'too_small',
      message: { 'zh-CN': '整改期限须晚于当前时间', en: 'The deadline must be later than now' },
    },
  ]);
});

test('365 days ahead is the latest deadline; one millisecond more is refused', () => {
  expect(checkDue(open, { dueAt: at(MAX_DUE_AHEAD_MS), reason }, now).ok).toBe(true);
  const r = checkDue(open, { dueAt: at(MAX_DUE_AHEAD_MS + 1), reason }, now);
  expect(r).toMatchObject({ ok: false, status: 422 });
  expect(fieldsOf(r)).toEqual(['dueAt']);
  expect(MAX_DUE_AHEAD_MS).toBe(365 * 24 * 3600 * 1000);
});

test('the reason is trimmed and needs 2 to 200 characters', () => {
  expect(checkDue(open, { dueAt: at(1000), reason: '  督办  ' }, now)).toMatchObject({
    ok: true,
    reason: '督办',
  });
  expect(fieldsOf(checkDue(open, { dueAt: at(1000) }, now))).toEqual(['reason']);
  expect(fieldsOf(checkDue(open, { dueAt: at(1000), reason: ' 督 ' }, now))).toEqual(['reason']);
  expect(checkDue(open, { dueAt: at(1000), reason: '督'.repeat(200) }, now).ok).toBe(true);
  expect(fieldsOf(checkDue(open, { dueAt: at(1000), reason: '督'.repeat(201) }, now))).toEqual([
    'reason',
  ]);
});

test('a past deadline without a reason names both fields', () => {
  expect(fieldsOf(checkDue(open, { dueAt: at(-1) }, now))).toEqual(['dueAt', 'reason']);
});

test('a closed finding is refused like any step on it (409 MATCHING_FINDING_CLOSED)', () => {
  expect(checkDue({ status: 'closed' }, { dueAt: at(1000), reason }, now)).toMatchObject({
    ok: false,
    status: 409,
    code: 'MATCHING_FINDING_CLOSED',
  });
  for (const status of ['verified', 'rectified', 'reviewed'] as const)
    expect(checkDue({ status }, { dueAt: at(1000), reason }, now).ok).toBe(true);
});

test('the change sets the deadline, clears the overdue report and records the step', () => {
  const before = new Date('2026-11-01T00:00:00Z');
  const f = {
    _id: 'f1',
    dueAt: before,
    overdueReportedAt: new Date('2026-11-02T00:00:00Z'),
    revision: 3,
    history: [],
  } as unknown as Finding;
  const d = dueChange(f, { dueAt: at(60_000), reason }, { id: 'u1', name: '县扶贫办' }, now);
  expect(d.set).toEqual({ dueAt: at(60_000), overdueReportedAt: null, revision: 4 });
  expect(d.step).toEqual({
    at: now,
    action: 'due',
    byId: 'u1',
    byName: '县扶贫办',
    note: reason,
    dueBefore: before,
    dueAfter: at(60_000),
  });
  expect(d.after).toMatchObject({ dueAt: at(60_000), overdueReportedAt: null, history: [d.step] });
});
