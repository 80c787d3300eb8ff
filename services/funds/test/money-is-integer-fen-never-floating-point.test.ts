import { parseYuan } from '@fupin/reference';
import { periodInterest, buildSchedule } from '../src/loans/loan.schedule';
import { fenSchema, sumFen, yuan } from '../src/shared/money';

test('0.1 + 0.2 yuan is exactly 0.30 yuan (30 fen), where floating point gives 0.30000000000000004', () => {
  expect(0.1 + 0.2).not.toBe(0.3);
  const a = parseYuan('0.1');
  const b = parseYuan('0.2');
  expect(a).toEqual({ ok: true, fen: 10 });
  expect(b).toEqual({ ok: true, fen: 20 });
  expect(sumFen([10, 20])).toBe(30);
  expect(yuan(sumFen([10, 20]))).toBe('0.30');
});

test('sums of many small amounts stay exact', () => {
  // Ten thousand payments of 0.01 yuan, and 1.10 + 2.20 + 3.30 yuan.
  expect(sumFen(Array.from({ length: 10_000 }, () => 1))).toBe(10_000);
  expect(yuan(sumFen([110, 220, 330]))).toBe('6.60');
  // Seed 002: 4,033,800 + 90,700 yuan.
  expect(yuan(sumFen([403_380_000, 9_070_000]))).toBe('4,124,500.00');
});

test('amounts that are not whole fen are refused, not rounded', () => {
  expect(fenSchema.safeParse(0.5).success).toBe(false);
  expect(fenSchema.safeParse(12.3).success).toBe(false);
  expect(fenSchema.safeParse(-1).success).toBe(false);
  expect(() => sumFen([10, 0.1])).toThrow();
  expect(parseYuan('1.234')).toMatchObject({ ok: false, code: 'MONEY_TOO_MANY_DECIMALS' });
  expect(parseYuan('1,234.56')).toEqual({ ok: true, fen: 123_456 });
});

test('loan interest is computed in integers and rounded half up to the fen', () => {
  // 50,000.00 yuan at 4.35% for a quarter: 543.75 yuan exactly.
  expect(periodInterest(5_000_000, 435, 3)).toBe(54_375);
  // 0.01 yuan at 4.35% for a month is 0.0036 fen: rounds to 0.
  expect(periodInterest(1, 435, 1)).toBe(0);
  // Half a fen rounds up: 100 fen × 600 bp × 1 month = 0.5 fen.
  expect(periodInterest(100, 600, 1)).toBe(1);
  // Far above what a double holds exactly in the intermediate product.
  expect(periodInterest(9_000_000_000_000, 9_999, 12)).toBe(8_999_100_000_000);
});

test("a schedule's principal adds up to the loan to the fen", () => {
  const s = buildSchedule({
    principalFen: 1_000_001,
    termMonths: 36,
    intervalMonths: 3,
    annualRateBp: 435,
    discountBp: 435,
    repayment: 'equal_principal',
    startOn: '2017-03-01',
  });
  expect(s).toHaveLength(12);
  expect(sumFen(s.map((i) => i.principalFen))).toBe(1_000_001);
  // Fully discounted (贴息): the household owes the principal only.
  expect(s.every((i) => i.dueFen === i.principalFen)).toBe(true);
  expect(s[0]!.dueOn).toBe('2017-06-01');
  expect(s[11]!.dueOn).toBe('2020-03-01');
});
