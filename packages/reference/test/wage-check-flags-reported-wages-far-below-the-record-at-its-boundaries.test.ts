import { wagesUnderreported, wageThresholdFor, WAGE_CHECK_THRESHOLDS } from '../src/wage-check';

const t = wageThresholdFor(2019)!;

test('the threshold of a year is the latest that applies from it; none before the first', () => {
  expect(t).toEqual(WAGE_CHECK_THRESHOLDS[0]);
  expect(t).toMatchObject({ version: 1, ratio: 0.5, minGapFen: 300_000 });
  expect(wageThresholdFor(2013)).toBeNull();
  expect(wageThresholdFor(2030)?.version).toBe(1);
});

test('reported exactly half of the record is not far below; one fen less is', () => {
  expect(wagesUnderreported(1_000_000, 2_000_000, t)).toBe(false);
  expect(wagesUnderreported(999_999, 2_000_000, t)).toBe(true);
});

test('a gap under ¥3,000 is not flagged however small the share; exactly ¥3,000 is', () => {
  // ¥2,999.99 on record, nothing reported: below half but the gap is one fen short.
  expect(wagesUnderreported(0, 299_999, t)).toBe(false);
  expect(wagesUnderreported(0, 300_000, t)).toBe(true);
  // ¥5,000 on record, ¥2,000 reported: below half and short by exactly ¥3,000.
  expect(wagesUnderreported(200_000, 500_000, t)).toBe(true);
  expect(wagesUnderreported(200_001, 500_000, t)).toBe(false);
});

test('reported at or above the record is never flagged', () => {
  expect(wagesUnderreported(3_600_000, 3_600_000, t)).toBe(false);
  expect(wagesUnderreported(5_000_000, 3_600_000, t)).toBe(false);
});
