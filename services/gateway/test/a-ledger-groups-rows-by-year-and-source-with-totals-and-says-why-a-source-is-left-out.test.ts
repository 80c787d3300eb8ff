import { leftOut } from '../src/dossier/dossier.assembly';
import { groupByYear, householdLedger, totalsByHousehold } from '../src/ledger/ledger.assembly';
import type { SourceOutcome } from '../src/ledger/ledger.client';
import { benefit } from './support/benefit-rows';

const rows = [
  benefit({ id: 's1', source: 'support', year: 2025, amountFen: 50_000, on: '2025-09-01' }),
  benefit({ id: 'f2', source: 'funds', year: 2026, amountFen: 30_000, on: '2026-05-01' }),
  benefit({ id: 'f1', source: 'funds', year: 2026, amountFen: 20_000, on: '2026-02-01' }),
  benefit({
    id: 'a1',
    source: 'assistance',
    year: 2026,
    amountFen: 80_000,
    on: null,
    status: 'recorded',
  }),
  benefit({
    id: 'f3',
    source: 'funds',
    kind: 'loan',
    year: 2026,
    amountFen: 5_000_000,
    status: 'granted',
  }),
];

test('rows are grouped by year (oldest first) and source (in order), rows by day, undated last', () => {
  const years = groupByYear(rows);
  expect(years.map((y) => y.year)).toEqual([2025, 2026]);
  expect(years[1]!.sources.map((s) => [s.source, s.rows.map((r) => r.id)])).toEqual([
    ['assistance', ['a1']],
    ['funds', ['f1', 'f3', 'f2']],
  ]);
  expect(years[0]!.sources.map((s) => s.source)).toEqual(['support']);
});

test('totals: every row in totalFen, only what was paid in paidFen, per source and per year', () => {
  const [y2025, y2026] = groupByYear(rows);
  expect(y2025).toMatchObject({ count: 1, totalFen: 50_000, paidFen: 50_000 });
  expect(y2026).toMatchObject({ count: 4, totalFen: 5_130_000, paidFen: 50_000 });
  expect(y2026!.sources[1]).toMatchObject({
    source: 'funds',
    count: 3,
    totalFen: 5_050_000,
    paidFen: 50_000,
  });
  expect(groupByYear([])).toEqual([]);
});

test('a measure naming a funds project is listed but its money counted once, from the payment', () => {
  const paidByProject = [
    benefit({ id: 'm1', source: 'assistance', amountFen: 200_000, projectId: 'p-1' }),
    benefit({ id: 'p1', source: 'funds', amountFen: 200_000, projectId: 'p-1' }),
    benefit({ id: 'm2', source: 'assistance', amountFen: 30_000 }),
  ];
  const [year] = groupByYear(paidByProject);
  expect(year).toMatchObject({ count: 3, totalFen: 230_000, paidFen: 230_000 });
  expect(year!.sources[0]).toMatchObject({ source: 'assistance', count: 2, paidFen: 30_000 });
  expect(year!.sources[0]!.rows.map((r) => r.id)).toEqual(['m1', 'm2']);
});

test("a household's ledger keeps only its rows and says why a source is left out, in both languages", () => {
  const outcomes: Partial<Record<'assistance' | 'funds' | 'support', SourceOutcome>> = {
    assistance: {
      status: 'ok',
      rows: [
        ...rows.filter((r) => r.source === 'assistance'),
        benefit({ id: 'x', source: 'assistance', householdId: 'h-2' }),
      ],
    },
    funds: { status: 'no_right', message: leftOut('funds', 'no_right') },
    support: { status: 'unavailable', message: leftOut('support', 'unavailable') },
  };
  const l = householdLedger(
    { id: 'h-1', householdNo: '4311210001' },
    outcomes,
    new Date('2026-12-05T00:00:00Z'),
  );
  expect(l).toMatchObject({
    householdId: 'h-1',
    householdNo: '4311210001',
    count: 1,
    totalFen: 80_000,
    paidFen: 0,
  });
  expect(l.sources).toEqual([
    { source: 'assistance', status: 'ok', count: 2 },
    {
      source: 'funds',
      status: 'no_right',
      message: {
        'zh-CN': expect.stringContaining('无权'),
        en: expect.stringContaining('No right'),
      },
    },
    {
      source: 'support',
      status: 'unavailable',
      message: {
        'zh-CN': expect.stringContaining('无法应答'),
        en: expect.stringContaining('did not answer'),
      },
    },
  ]);
});

test('totals by household × year × source, in that order', () => {
  const more = [
    ...rows,
    benefit({ id: 'b1', source: 'assistance', householdId: 'h-0', year: 2026 }),
  ];
  expect(
    totalsByHousehold(more).map((t) => [t.householdId, t.year, t.source, t.count, t.totalFen]),
  ).toEqual([
    ['h-0', 2026, 'assistance', 1, 100_000],
    ['h-1', 2025, 'support', 1, 50_000],
    ['h-1', 2026, 'assistance', 1, 80_000],
    ['h-1', 2026, 'funds', 3, 5_050_000],
  ]);
});
