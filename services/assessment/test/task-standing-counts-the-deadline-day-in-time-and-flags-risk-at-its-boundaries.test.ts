import { taskRiskRuleFor } from '@fupin/reference';
import { milestonesOf } from '../src/tasks/task.import';
import { progressErrors, taskDateErrors, taskStandingOf } from '../src/tasks/task.rules';

const rule = taskRiskRuleFor('2026-01-01');
/** 100 days from start to deadline: one day is one planned point. */
const task = {
  startOn: '2026-01-01',
  dueOn: '2026-04-11',
  progressPercent: 0,
  completedOn: null,
  milestones: [],
};

test('the deadline day itself is in time; the day after is overdue', () => {
  const late = { ...task, progressPercent: 90 };
  expect(taskStandingOf(late, '2026-04-11', rule).state).toBe('at_risk');
  expect(taskStandingOf(late, '2026-04-11', rule).daysLeft).toBe(0);
  const over = taskStandingOf(late, '2026-04-12', rule);
  expect(over.state).toBe('overdue');
  expect(over.reasons[0]!['zh-CN']).toBe('已超过完成时限 1 天');
});

test(`at risk from ${rule.dueWithinDays} days before the deadline, not one day more`, () => {
  const ahead = { ...task, progressPercent: 99 };
  expect(taskStandingOf(ahead, '2026-04-03', rule).state).toBe('on_track'); // 8 days left
  expect(taskStandingOf(ahead, '2026-04-04', rule).state).toBe('at_risk'); // 7 days left
});

test(`behind the straight line by more than ${rule.behindPercentPoints} points is at risk; exactly that many is not`, () => {
  // Day 50 of 100: the plan says 50%.
  const on = '2026-02-20';
  expect(taskStandingOf({ ...task, progressPercent: 30 }, on, rule)).toMatchObject({
    state: 'on_track',
    plannedPercent: 50,
    behindPoints: 20,
  });
  const s = taskStandingOf({ ...task, progressPercent: 29 }, on, rule);
  expect(s.state).toBe('at_risk');
  expect(s.reasons[0]!['zh-CN']).toContain('落后计划 50%');
});

test('a milestone past its day and not done puts the task at risk; done, it does not', () => {
  const m = { title: '方案制定', dueOn: '2026-01-31', doneOn: null };
  const withLate = { ...task, progressPercent: 40, milestones: [m] };
  expect(taskStandingOf(withLate, '2026-01-31', rule).state).toBe('on_track');
  expect(taskStandingOf(withLate, '2026-02-01', rule)).toMatchObject({
    state: 'at_risk',
    lateMilestones: 1,
  });
  const done = { ...withLate, milestones: [{ ...m, doneOn: '2026-01-30' }] };
  expect(taskStandingOf(done, '2026-02-01', rule).state).toBe('on_track');
});

test('a finished task is done on time on the deadline day and late the day after', () => {
  expect(
    taskStandingOf({ ...task, progressPercent: 100, completedOn: '2026-04-11' }, '2026-06-01', rule)
      .state,
  ).toBe('done');
  expect(
    taskStandingOf({ ...task, progressPercent: 100, completedOn: '2026-04-12' }, '2026-06-01', rule)
      .state,
  ).toBe('done_late');
});

test('dates: a deadline before the start and a milestone outside the task are refused by field', () => {
  expect(taskDateErrors({ startOn: '2026-02-01', dueOn: '2026-01-31', milestones: [] })).toEqual([
    expect.objectContaining({ field: 'dueOn', code: 'before_start' }),
  ]);
  const errors = taskDateErrors({
    startOn: '2026-01-01',
    dueOn: '2026-03-31',
    milestones: [
      { title: 'a', dueOn: '2026-01-01' },
      { title: 'b', dueOn: '2026-04-01' },
    ],
  });
  expect(errors.map((e) => e.field)).toEqual(['milestones.1.dueOn']);
});

test('progress: not after today, not before the start, and a lower figure needs a reason', () => {
  const t = { startOn: '2026-01-01', progressPercent: 40, completedOn: null };
  expect(progressErrors({ percent: 50, reportedOn: '2026-03-01' }, t, '2026-03-01')).toEqual([]);
  const codes = (i: { percent: number; reportedOn: string; reason?: string }) =>
    progressErrors(i, t, '2026-03-01').map((e) => `${e.field}:${e.code}`);
  expect(codes({ percent: 50, reportedOn: '2026-03-02' })).toEqual(['reportedOn:in_future']);
  expect(codes({ percent: 50, reportedOn: '2025-12-31' })).toEqual(['reportedOn:before_start']);
  expect(codes({ percent: 39, reportedOn: '2026-03-01' })).toEqual(['reason:required']);
  expect(codes({ percent: 39, reportedOn: '2026-03-01', reason: '返工' })).toEqual([]);
});

test('a milestone cell reads "name day" pairs in the forms sheets write days; anything else is null', () => {
  expect(milestonesOf('方案制定 2026-03-31；入户核查：2026年5月31日\n验收 2026/6/30')).toEqual([
    { title: '方案制定', dueOn: '2026-03-31' },
    { title: '入户核查', dueOn: '2026-05-31' },
    { title: '验收', dueOn: '2026-06-30' },
  ]);
  expect(milestonesOf('方案制定 2026-02-30')).toBeNull();
  expect(milestonesOf('尽快完成')).toBeNull();
});
