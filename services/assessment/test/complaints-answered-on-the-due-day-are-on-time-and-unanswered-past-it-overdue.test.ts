import {
  canReopen,
  countPerUnit,
  defaultDueOn,
  dueOnProblem,
  stateAfter,
  stepAllowed,
  timelinessOf,
} from '../src/complaints/complaint.rules';
import { maskName } from '../src/complaints/complaint.service';

describe('a complaint answered on or before its due day is on time', () => {
  const dueOn = '2026-03-16';
  test('the due day itself is on time', () => {
    expect(timelinessOf({ dueOn, answeredOn: '2026-03-16' }, '2026-04-01')).toBe('on_time');
  });
  test('the day before is on time, the day after is late', () => {
    expect(timelinessOf({ dueOn, answeredOn: '2026-03-15' }, '2026-04-01')).toBe('on_time');
    expect(timelinessOf({ dueOn, answeredOn: '2026-03-17' }, '2026-04-01')).toBe('late');
  });
  test('unanswered, it is open through the due day and overdue from the day after', () => {
    expect(timelinessOf({ dueOn, answeredOn: null }, '2026-03-16')).toBe('open');
    expect(timelinessOf({ dueOn, answeredOn: null }, '2026-03-17')).toBe('overdue');
  });
});

describe('the due day', () => {
  test('defaults to the reference rule: 15 days from receipt, version 1', () => {
    expect(defaultDueOn('2026-03-01')).toEqual({ dueOn: '2026-03-16', rule: 1 });
  });
  test('set by hand it may be 60 days after the start at most (信访条例), never before it', () => {
    expect(dueOnProblem('2026-01-01', '2026-03-02')).toBeNull(); // 60 days
    expect(dueOnProblem('2026-01-01', '2026-03-03')).toBe('too_late'); // 61 days
    expect(dueOnProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(dueOnProblem('2026-01-02', '2026-01-01')).toBe('before_start');
  });
});

describe('the states', () => {
  test('each step is allowed only where the table says', () => {
    expect(stepAllowed('assign', 'pending')).toBe(true);
    expect(stepAllowed('answer', 'pending')).toBe(false);
    expect(stepAllowed('answer', 'in_progress')).toBe(true);
    expect(stepAllowed('answer', 'reopened')).toBe(true);
    expect(stepAllowed('satisfaction', 'in_progress')).toBe(false);
    expect(stepAllowed('satisfaction', 'answered')).toBe(true);
    expect(stepAllowed('reopen', 'answered')).toBe(false);
    expect(stepAllowed('reopen', 'closed')).toBe(true);
    expect(stepAllowed('assign', 'closed')).toBe(false);
  });
  test('a rating closes the round; only 不满意 may be reopened', () => {
    expect(stateAfter('satisfaction')).toBe('closed');
    expect(stateAfter('reopen')).toBe('reopened');
    expect(canReopen('unsatisfied')).toBe(true);
    expect(canReopen('basically_satisfied')).toBe(false);
    expect(canReopen(null)).toBe(false);
  });
});

test('counts per unit: received, on time, late, overdue and the satisfaction rate', () => {
  const a = { unitId: 'township:431121101000', unitName: '城关镇' };
  const rows = [
    { ...a, dueOn: '2026-03-16', answeredOn: '2026-03-16', satisfaction: 'satisfied' as const },
    { ...a, dueOn: '2026-03-16', answeredOn: '2026-03-20', satisfaction: 'unsatisfied' as const },
    { ...a, dueOn: '2026-03-16', answeredOn: null, satisfaction: null },
    { ...a, dueOn: '2026-05-01', answeredOn: null, satisfaction: null },
    { unitId: null, unitName: null, dueOn: '2026-03-16', answeredOn: null, satisfaction: null },
  ];
  const [unassigned, town] = countPerUnit(rows, '2026-04-01');
  expect(town).toEqual({
    ...a,
    received: 4,
    answered: 2,
    answeredOnTime: 1,
    answeredLate: 1,
    overdue: 1,
    rated: 2,
    satisfied: 1,
    satisfactionRate: 0.5,
    onTimeRate: 0.25,
  });
  expect(unassigned).toMatchObject({
    unitId: null,
    received: 1,
    overdue: 1,
    satisfactionRate: null,
  });
});

test('a name is masked to its first character', () => {
  expect(maskName('张三')).toBe('张*');
  expect(maskName('欧阳娜娜')).toBe('欧***');
  expect(maskName('李')).toBe('*');
});
