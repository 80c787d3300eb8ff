import { slowThresholdFor } from '@fupin/reference';
import {
  reportErrors,
  slowMeasureOf,
  workCompletionRatePercent,
} from '../src/progress/progress.rules';

// A 100-day plan: on day 50 the plan says 50%.
const plan = { plannedStartOn: '2026-01-01', plannedFinishOn: '2026-04-11' };
const DAY_50 = '2026-02-20';

test('exactly the threshold behind the plan is not slow; a point more is', () => {
  expect(slowMeasureOf({ ...plan, progressPercent: 30 }, DAY_50, 20)).toEqual({
    plannedPercent: 50,
    reportedPercent: 30,
    behindPoints: 20,
    slow: false,
  });
  expect(slowMeasureOf({ ...plan, progressPercent: 29 }, DAY_50, 20)).toMatchObject({
    behindPoints: 21,
    slow: true,
  });
});

test('the plan is linear, nothing before the start and all of it after the finish', () => {
  expect(slowMeasureOf({ ...plan, progressPercent: null }, '2025-12-01', 20)).toMatchObject({
    plannedPercent: 0,
    slow: false,
  });
  expect(slowMeasureOf({ ...plan, progressPercent: 79 }, '2026-09-01', 20)).toMatchObject({
    plannedPercent: 100,
    behindPoints: 21,
    slow: true,
  });
  // Day 21 of 100: 21% planned, nothing reported — just over 20 points behind.
  expect(slowMeasureOf({ ...plan, progressPercent: null }, '2026-01-22', 20)?.slow).toBe(true);
  expect(slowMeasureOf({ ...plan, progressPercent: null }, '2026-01-21', 20)?.slow).toBe(false);
});

test('a project without planned dates is never slow', () => {
  expect(
    slowMeasureOf({ plannedStartOn: null, plannedFinishOn: null, progressPercent: 0 }, DAY_50, 20),
  ).toBeNull();
});

test('the threshold is versioned reference data: 20 percentage points', () => {
  expect(slowThresholdFor('2026-01-01')).toEqual({
    version: 1,
    from: '2014-01-01',
    behindPercentPoints: 20,
  });
});

test('the completion rate by work weighs each project’s progress by its planned investment', () => {
  const rate = workCompletionRatePercent([
    // 1,000,000.00 at 50%, 3,000,000.00 completed (all its work), 1,000,000.00 not reported.
    { status: 'in_progress', plannedTotalFen: 100_000_000, progressPercent: 50 },
    { status: 'completed', plannedTotalFen: 300_000_000, progressPercent: 80 },
    { status: 'approved', plannedTotalFen: 100_000_000, progressPercent: null },
    // Not in the library yet: left out.
    { status: 'proposed', plannedTotalFen: 900_000_000, progressPercent: 90 },
  ]);
  // (50·1 + 100·3 + 0·1) / 5 = 70%.
  expect(rate).toBe(70);
  expect(workCompletionRatePercent([])).toBeNull();
  expect(
    workCompletionRatePercent([{ status: 'accepted', plannedTotalFen: 1, progressPercent: null }]),
  ).toBe(100);
});

test('a report below the last needs a reason; a report cannot predate the last or be in the future', () => {
  const last = { percent: 60, reportedOn: '2026-03-01' };
  expect(reportErrors({ percent: 60, reportedOn: '2026-03-01' }, last, '2026-03-02')).toEqual([]);
  expect(reportErrors({ percent: 59, reportedOn: '2026-03-02' }, last, '2026-03-02')).toEqual([
    expect.objectContaining({ field: 'reason', code: 'required_when_lower' }),
  ]);
  expect(
    reportErrors(
      { percent: 59, reportedOn: '2026-03-02', reason: '暴雨冲毁路基' },
      last,
      '2026-03-02',
    ),
  ).toEqual([]);
  expect(
    reportErrors({ percent: 70, reportedOn: '2026-02-28' }, last, '2026-03-02').map((e) => e.code),
  ).toEqual(['before_previous']);
  expect(
    reportErrors({ percent: 70, reportedOn: '2026-03-03' }, null, '2026-03-02').map((e) => e.code),
  ).toEqual(['in_future']);
});
