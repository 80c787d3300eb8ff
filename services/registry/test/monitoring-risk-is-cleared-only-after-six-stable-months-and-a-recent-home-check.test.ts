import { type FollowUpMonth, riskClearedChecks, stableMonths } from '../src/monitoring/risk.rules';

// Issue 21, 风险消除: six consecutive months (configurable) of per-capita income at or above the
// monitoring line, ending this month or the one before; no open warning; a home check within
// the last month. Boundaries of each.

const LINE = 600_000; // ¥6,000 per person per year: ¥500 a month.
const month = (
  m: string,
  incomeFen: number | null,
  homeCheckOn: string | null = null,
): FollowUpMonth => ({
  month: m,
  incomeFen,
  size: 2,
  homeCheckOn,
});
const run = (months: FollowUpMonth[], today = '2026-12-05') =>
  stableMonths({ months, lineOf: () => LINE, today });
const half = (income: number) =>
  ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((m) => month(m, income));

test('a month exactly at the line counts; a fen below breaks the run', () => {
  // 2 people × ¥500 a month = 100,000 fen: exactly the line on a yearly basis.
  expect(run(half(100_000))).toBe(6);
  expect(run(half(99_999))).toBe(0);
  const broken = half(100_000);
  broken[2] = month('2026-08', 99_999);
  expect(run(broken)).toBe(3);
});

test('the run ends this month or the month before; a missing month ends it', () => {
  expect(run([...half(100_000), month('2026-12', 100_000)])).toBe(7);
  // The last recorded month is October: November is missing, so nothing counts.
  expect(run(half(100_000).slice(0, 5))).toBe(0);
  expect(run([month('2026-11', null)])).toBe(0);
});

test('each failing condition is listed, and all pass at their boundaries', () => {
  const facts = {
    months: half(100_000).map((m) =>
      m.month === '2026-11' ? { ...m, homeCheckOn: '2026-11-05' } : m,
    ),
    openWarnings: 0,
    requiredMonths: 6,
    lineOf: () => LINE,
    today: '2026-12-05',
  };
  expect(riskClearedChecks(facts).every((c) => c.passed)).toBe(true);
  // A home check a month and a day ago is too old; five months are not six; an open warning.
  const failed = riskClearedChecks({
    ...facts,
    months: facts.months
      .slice(1)
      .map((m) => (m.month === '2026-11' ? { ...m, homeCheckOn: '2026-11-04' } : m)),
    openWarnings: 1,
  }).filter((c) => !c.passed);
  expect(failed.map((c) => c.check)).toEqual([
    'stable_income_months',
    'no_open_warning',
    'home_check_recent',
  ]);
  expect(failed[0]!.message['zh-CN']).toContain('连续5个月');
  expect(failed[0]!.message.en).toContain('6 are required');
});
