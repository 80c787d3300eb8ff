import { crossCheck } from '../src/ledger/ledger.crosscheck';
import { benefit } from './support/benefit-rows';

const measure = (id: string, amountFen: number, over = {}) =>
  benefit({
    id,
    source: 'assistance',
    kind: 'measure',
    amountFen,
    projectId: 'p-1',
    status: 'recorded',
    ...over,
  });
const payment = (id: string, amountFen: number, over = {}) =>
  benefit({ id, source: 'funds', kind: 'payment', amountFen, projectId: 'p-1', ...over });

test('a measure paid in full, or more, is no mismatch', () => {
  expect(crossCheck([measure('m', 100_000), payment('p', 100_000)])).toEqual([]);
  expect(crossCheck([measure('m', 100_000), payment('p', 60_000), payment('q', 50_000)])).toEqual(
    [],
  );
});

test('a measure paid one fen short, or not at all → 措施已记录但资金未支付', () => {
  expect(crossCheck([measure('m', 100_000), payment('p', 99_999)])).toEqual([
    {
      kind: 'measure_unpaid',
      householdId: 'h-1',
      areaCode: '431121101001',
      year: 2026,
      projectId: 'p-1',
      measuredFen: 100_000,
      paidFen: 99_999,
      message: { 'zh-CN': '措施已记录但资金未支付', en: expect.any(String) },
      rowIds: ['m', 'p'],
    },
  ]);
  expect(crossCheck([measure('m', 100_000)])).toMatchObject([
    { kind: 'measure_unpaid', paidFen: 0 },
  ]);
});

test('only paid payments count, from the same project, household and year', () => {
  const found = (rows: ReturnType<typeof benefit>[]) =>
    crossCheck(rows).map((m) => [m.kind, m.householdId, m.year, m.projectId]);
  expect(found([measure('m', 100), payment('p', 100, { status: 'recorded' })])).toEqual([
    ['measure_unpaid', 'h-1', 2026, 'p-1'],
  ]);
  expect(found([measure('m', 100), payment('p', 100, { kind: 'loan' })])).toEqual([
    ['measure_unpaid', 'h-1', 2026, 'p-1'],
  ]);
  expect(found([measure('m', 100), payment('p', 100, { year: 2025 })])).toEqual([
    ['paid_without_measure', 'h-1', 2025, 'p-1'],
    ['measure_unpaid', 'h-1', 2026, 'p-1'],
  ]);
  expect(found([measure('m', 100), payment('p', 100, { householdId: 'h-2' })])).toEqual([
    ['measure_unpaid', 'h-1', 2026, 'p-1'],
    ['paid_without_measure', 'h-2', 2026, 'p-1'],
  ]);
  expect(found([measure('m', 100), payment('p', 100, { projectId: 'p-2' })])).toEqual([
    ['measure_unpaid', 'h-1', 2026, 'p-1'],
    ['paid_without_measure', 'h-1', 2026, 'p-2'],
  ]);
});

test('a paid payment from a project no measure of the household names → 资金已支付但无对应帮扶措施', () => {
  expect(crossCheck([payment('p', 100_000)])).toMatchObject([
    {
      kind: 'paid_without_measure',
      measuredFen: 0,
      paidFen: 100_000,
      message: { 'zh-CN': '资金已支付但无对应帮扶措施' },
      rowIds: ['p'],
    },
  ]);
  // A measure naming the project without an amount claims no payment, yet names the project.
  expect(crossCheck([measure('m', 0), payment('p', 100_000)])).toEqual([]);
  expect(crossCheck([measure('m', 0)])).toEqual([]);
});

test('rows without a project, and other sources, are left alone; two measures of a project add up', () => {
  expect(
    crossCheck([measure('m', 100, { projectId: null }), payment('p', 100, { projectId: null })]),
  ).toEqual([]);
  expect(crossCheck([benefit({ id: 's', source: 'support', projectId: 'p-1' })])).toEqual([]);
  expect(crossCheck([measure('m', 100), measure('n', 100), payment('p', 150)])).toMatchObject([
    { kind: 'measure_unpaid', measuredFen: 200, paidFen: 150, rowIds: ['m', 'n', 'p'] },
  ]);
  expect(crossCheck([])).toEqual([]);
});
