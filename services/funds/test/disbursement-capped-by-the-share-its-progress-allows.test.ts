import { paymentStagesFor } from '@fupin/reference';
import {
  type CapFields,
  decidePaymentByProgress,
  paymentCapOf,
} from '../src/progress/progress.rules';

const ON = '2026-06-01';
/** A road (基础设施) with 1,000,000.00 yuan planned. */
const road = (progressPercent: number | null, status: CapFields['status'] = 'in_progress') =>
  ({ type: 'road', status, plannedTotalFen: 100_000_000, progressPercent }) as CapFields;
const paid = (disbursedFen: number, reservedFen = 0) => ({ disbursedFen, reservedFen });

test('exactly the allowed amount passes and one fen more is refused, naming both amounts', () => {
  // At 50% progress 60% may be paid: 600,000.00 yuan; 200,000.00 paid and 100,000.00 pending.
  const p = road(50);
  expect(decidePaymentByProgress(p, paid(20_000_000, 10_000_000), 30_000_000, ON)).toMatchObject({
    ok: true,
    cap: { allowedFen: 60_000_000, sharePercent: 60 },
  });
  expect(decidePaymentByProgress(p, paid(20_000_000, 10_000_000), 30_000_001, ON)).toEqual({
    ok: false,
    cap: expect.objectContaining({ allowedFen: 60_000_000 }),
    alreadyFen: 30_000_000,
    requestedFen: 30_000_001,
  });
});

test('a project without a progress report allows only the start stage', () => {
  expect(paymentCapOf(road(null), ON)).toMatchObject({ sharePercent: 30, allowedFen: 30_000_000 });
  expect(decidePaymentByProgress(road(null), paid(0), 30_000_000, ON).ok).toBe(true);
  expect(decidePaymentByProgress(road(null), paid(0), 30_000_001, ON).ok).toBe(false);
});

test('each stage opens at its progress: 49% is still the start, 100% is completion, 验收 the rest', () => {
  expect(paymentCapOf(road(49), ON)?.sharePercent).toBe(30);
  expect(paymentCapOf(road(50), ON)?.sharePercent).toBe(60);
  expect(paymentCapOf(road(99), ON)?.sharePercent).toBe(60);
  expect(paymentCapOf(road(100), ON)?.sharePercent).toBe(90);
  expect(paymentCapOf(road(100, 'completed'), ON)?.sharePercent).toBe(90);
  expect(paymentCapOf(road(100, 'accepted'), ON)).toMatchObject({
    sharePercent: 100,
    allowedFen: 100_000_000,
  });
});

test('the allowed amount is rounded down to the fen', () => {
  const odd = { ...road(null), plannedTotalFen: 1_001 };
  expect(paymentCapOf(odd, ON)?.allowedFen).toBe(300);
});

test('a type without stages keeps today’s behaviour: no cap but the allocations', () => {
  const training = { ...road(null), type: 'training' } as CapFields;
  expect(paymentStagesFor('training', ON)).toBeNull();
  expect(paymentCapOf(training, ON)).toBeNull();
  expect(decidePaymentByProgress(training, paid(90_000_000), 10_000_000, ON)).toEqual({
    ok: true,
    cap: null,
  });
});

test('the stages are versioned reference data and apply from their first day', () => {
  expect(paymentStagesFor('road', '2013-12-31')).toBeNull();
  expect(paymentStagesFor('road', '2014-01-01')?.version).toBe(1);
  expect(paymentCapOf(road(null), ON)?.tableVersion).toBe(1);
});
