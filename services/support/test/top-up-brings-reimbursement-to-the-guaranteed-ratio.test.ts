import { reimbursementOf, topUpStatusOf } from '../src/health/reimbursement.rules';

const NINETY = 9000;
const layers = (basic: number, serious: number, assistance: number) => ({
  basicInsuranceFen: basic,
  seriousIllnessInsuranceFen: serious,
  medicalAssistanceFen: assistance,
});

describe('the in-patient top-up to 90% (报付比例未达到90%的追补到90%)', () => {
  test('cost 10,000 yuan, layers 6,500 + 1,500 + 500 yuan: ratio 85%, top-up 500 yuan', () => {
    expect(reimbursementOf(1_000_000, layers(650_000, 150_000, 50_000), NINETY)).toEqual({
      reimbursedFen: 850_000,
      ratioBasisPoints: 8500,
      targetBasisPoints: 9000,
      topUpFen: 50_000,
    });
  });

  test('a ratio of 92% needs no top-up', () => {
    expect(reimbursementOf(1_000_000, layers(700_000, 150_000, 70_000), NINETY)).toMatchObject({
      ratioBasisPoints: 9200,
      topUpFen: 0,
    });
  });

  test('exactly 90% needs no top-up', () => {
    expect(reimbursementOf(1_000_000, layers(900_000, 0, 0), NINETY)).toMatchObject({
      ratioBasisPoints: 9000,
      topUpFen: 0,
    });
  });

  test('rounding: the amount to reach is rounded up to the fen, the ratio shown is rounded down', () => {
    // 90% of 333.33 yuan is 299.997 yuan: the layers must reach 300.00 yuan.
    const r = reimbursementOf(33_333, layers(29_999, 0, 0), NINETY);
    expect(r).toMatchObject({ ratioBasisPoints: 8999, topUpFen: 1 });
    // 89.996% is shown as 89.99%, and is still topped up.
    expect(reimbursementOf(25_001, layers(22_500, 0, 0), NINETY)).toMatchObject({
      ratioBasisPoints: 8999,
      topUpFen: 1,
    });
  });

  test('the target is configurable', () => {
    expect(reimbursementOf(1_000_000, layers(650_000, 150_000, 50_000), 8000)).toMatchObject({
      topUpFen: 0,
    });
    expect(reimbursementOf(1_000_000, layers(650_000, 150_000, 50_000), 9500)).toMatchObject({
      topUpFen: 100_000,
    });
  });

  test('layers that together exceed the cost, or amounts that are not whole fen, are refused', () => {
    expect(reimbursementOf(100_000, layers(90_000, 20_000, 0), NINETY)).toEqual({
      problem: 'LAYERS_EXCEED_COST',
    });
    expect(reimbursementOf(100_000.5, layers(0, 0, 0), NINETY)).toEqual({ problem: 'NOT_FEN' });
    expect(reimbursementOf(100_000, layers(-1, 0, 0), NINETY)).toEqual({ problem: 'NOT_FEN' });
  });

  test('large bills stay exact', () => {
    expect(reimbursementOf(987_654_321_01, layers(0, 0, 0), NINETY)).toMatchObject({
      topUpFen: 888_888_888_91,
    });
  });

  test('payment status follows what was paid against what is owed', () => {
    expect(topUpStatusOf(0, 0)).toBe('not_needed');
    expect(topUpStatusOf(50_000, 0)).toBe('owed');
    expect(topUpStatusOf(50_000, 20_000)).toBe('partly_paid');
    expect(topUpStatusOf(50_000, 50_000)).toBe('paid');
  });
});
