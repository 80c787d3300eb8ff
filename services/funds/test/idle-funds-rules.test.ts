import { summarizeIdle, type IdleProjectFields } from '../src/idle/idle.rules';

const money = (allocatedFen: number, disbursedFen: number) => ({
  allocatedFen,
  disbursedFen,
  reservedFen: 0,
  availableFen: allocatedFen - disbursedFen,
});

const project = (
  code: string,
  status: IdleProjectFields['status'],
  allocations: [string, number][],
  disbursedFen: number,
  extra: Partial<IdleProjectFields> = {},
): IdleProjectFields => ({
  _id: code,
  code,
  name: code,
  areaCode: '431025101201',
  townshipCode: '431025101000',
  status,
  dates: {
    proposedOn: null,
    approvedOn: '2017-01-01',
    startedOn: null,
    completedOn: null,
    acceptedOn: null,
  },
  allocations: allocations.map(([on, amountFen], i) => ({
    id: `${code}-${i}`,
    batchId: 'b',
    documentNo: 'd',
    source: 'central',
    amountFen,
    on,
  })),
  transfers: [],
  money: money(
    allocations.reduce((s, [, a]) => s + a, 0) -
      (extra.transfers ?? []).reduce(
        (s, t) => s + (t.direction === 'out' ? t.amountFen : -t.amountFen),
        0,
      ),
    disbursedFen,
  ),
  ...extra,
});

test('money older than N days and not disbursed is idle; the number of days is configurable', () => {
  const projects = [
    project(
      'P1',
      'in_progress',
      [
        ['2017-10-01', 1000],
        ['2017-12-20', 500],
      ],
      0,
    ),
  ];
  const at90 = summarizeIdle(projects, { date: '2018-02-07', days: 90, startDays: 60 });
  expect(at90.totals.idleFen).toBe(1000);
  const at30 = summarizeIdle(projects, { date: '2018-02-07', days: 30, startDays: 60 });
  expect(at30.totals.idleFen).toBe(1500);
  const at180 = summarizeIdle(projects, { date: '2018-02-07', days: 180, startDays: 60 });
  expect(at180.totals.idleFen).toBe(0);
});

test('disbursements use the oldest money first', () => {
  // 1000 old + 500 recent, 1200 paid: all the old money is spent, nothing is idle.
  const s = summarizeIdle(
    [
      project(
        'P',
        'in_progress',
        [
          ['2017-01-01', 1000],
          ['2018-02-01', 500],
        ],
        1200,
      ),
    ],
    {
      date: '2018-02-07',
      days: 90,
      startDays: 60,
    },
  );
  expect(s.totals.idleFen).toBe(0);
});

test('completed and accepted projects count as completed but unpaid, the rest as unfinished', () => {
  const s = summarizeIdle(
    [
      project('A', 'approved', [['2017-01-01', 100]], 0),
      project('B', 'completed', [['2017-01-01', 200]], 150),
      project('C', 'accepted', [['2017-01-01', 300]], 0),
    ],
    { date: '2018-02-07', days: 90, startDays: 60 },
  );
  expect(s.totals).toMatchObject({ idleFen: 450, unfinishedFen: 100, completedUnpaidFen: 350 });
  expect(s.totals.notStartedProjects).toBe(1);
});

test('money moved in counts from its own day; money moved out leaves at once', () => {
  const s = summarizeIdle(
    [
      project('FROM', 'in_progress', [['2017-01-01', 1000]], 0, {
        transfers: [
          {
            id: 't:out',
            transferId: 't',
            direction: 'out',
            otherProjectId: 'TO',
            source: 'central',
            amountFen: 400,
            on: '2018-01-20',
          },
        ],
      }),
    ],
    { date: '2018-02-07', days: 90, startDays: 60 },
  );
  // The 400 moved out are no longer this project's, whenever they left.
  expect(s.totals.idleFen).toBe(600);
});
