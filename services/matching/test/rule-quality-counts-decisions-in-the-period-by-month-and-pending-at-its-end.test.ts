import type { FindingRound } from '../src/findings/finding.model';
import { QualityCounter, type QualityFinding } from '../src/quality/rule-quality';

// The period is March 2026 in Asia/Shanghai: [2026-03-01T00:00+08:00, 2026-04-01T00:00+08:00).
const start = new Date('2026-03-01T00:00:00+08:00');
const end = new Date('2026-04-01T00:00:00+08:00');
const period = { from: '2026-03-01', to: '2026-03-31', start, end };
const at = (s: string) => new Date(`${s}+08:00`);

function finding(
  id: string,
  f: Partial<QualityFinding> & { decidedAt?: string; created?: string },
): QualityFinding {
  const { decidedAt, created, ...rest } = f;
  return {
    _id: id,
    rule: 'VEHICLE_OWNER',
    listType: 'vehicles',
    evidence: {
      kind: 'list_row',
      listId: 'L1',
      listType: 'vehicles',
      listVersion: 1,
      listDate: '2026-02-01',
      row: 2,
      idMasked: '4301**********1234',
      fact: null,
      columns: {},
    },
    conclusion: null,
    conclusionReasonCode: null,
    verifiedBy: decidedAt ? { id: 'u', name: 'u', at: at(decidedAt) } : null,
    createdAt: at(created ?? '2026-02-10T10:00:00'),
    dueAt: at('2026-05-01T00:00:00'),
    ...rest,
  };
}

test('every state at the boundaries: decisions in the period by month, pending and overdue at its end', () => {
  const c = new QualityCounter(period, null);
  const all = [
    // open (assigned), found before the end: pending; past its deadline: overdue too.
    finding('open', {}),
    finding('overdue', { dueAt: at('2026-03-31T23:59:00') }),
    // found at the very end: after the period, not counted.
    finding('after', { created: '2026-04-01T00:00:00' }),
    // verified (confirmed) at the first instant of the period.
    finding('verified', { conclusion: 'confirmed', decidedAt: '2026-03-01T00:00:00' }),
    // rectified, reviewed and closed: confirmed, data corrected, dismissed in March.
    finding('rectified', { conclusion: 'confirmed', decidedAt: '2026-03-15T12:00:00' }),
    finding('reviewed', { conclusion: 'data_corrected', decidedAt: '2026-03-20T12:00:00' }),
    finding('closed', {
      conclusion: 'not_confirmed',
      conclusionReasonCode: 'department_data_outdated',
      decidedAt: '2026-03-31T23:59:59',
    }),
    // dismissed before the codes existed: counted as uncoded.
    finding('old-dismissal', { conclusion: 'not_confirmed', decidedAt: '2026-03-02T08:00:00' }),
    // decided just before the period: not counted, not pending.
    finding('before', { conclusion: 'confirmed', decidedAt: '2026-02-28T23:59:59' }),
    // decided at the period's end: pending at the end, overdue as its deadline had passed.
    finding('late', {
      conclusion: 'confirmed',
      decidedAt: '2026-04-01T00:00:00',
      dueAt: at('2026-03-20T00:00:00'),
    }),
    // a business finding dismissed as not the same person.
    finding('business', {
      rule: 'BUSINESS_OWNER',
      listType: 'businesses',
      evidence: {
        kind: 'list_row',
        listId: 'L2',
        listType: 'businesses',
        listVersion: 3,
        listDate: '2026-01-31',
        row: 5,
        idMasked: 'x',
        fact: null,
        columns: {},
      },
      conclusion: 'not_confirmed',
      conclusionReasonCode: 'not_same_person',
      decidedAt: '2026-03-05T00:00:00',
    }),
    // reopened: its first round dismissed in March, the current round open again.
    finding('reopened', {
      roundStartedAt: at('2026-03-25T00:00:00'),
      rounds: [
        {
          startedAt: at('2026-02-01T00:00:00'),
          conclusion: 'not_confirmed',
          conclusionReasonCode: 'other',
          verifiedBy: { id: 'u', name: 'u', at: at('2026-03-10T00:00:00') },
        } as FindingRound,
      ],
    }),
  ];
  for (const f of all) c.add(f);
  const r = c.result();
  expect(r.totals).toMatchObject({
    confirmed: 2,
    dataCorrected: 1,
    dismissed: 4,
    dismissedBy: { department_data_outdated: 1, uncoded: 1, not_same_person: 1, other: 1 },
    decided: 7,
    pending: 4,
    overdue: 2,
    confirmationRate: Math.round((2 / 7) * 10000) / 10000,
  });
  expect(r.totals.months).toEqual([
    expect.objectContaining({ month: '2026-03', decided: 7, confirmed: 2 }),
  ]);
  const vehicles = r.byRule.find((x) => x.rule === 'VEHICLE_OWNER')!;
  expect(vehicles).toMatchObject({ confirmed: 2, dismissed: 3, decided: 6, pending: 4 });
  expect(r.byRule.find((x) => x.rule === 'BUSINESS_OWNER')).toMatchObject({
    dismissed: 1,
    confirmationRate: 0,
  });
  expect(r.byListType.map((x) => [x.listType, x.department, x.decided])).toEqual([
    ['businesses', 'market_regulation', 1],
    ['vehicles', 'public_security', 6],
  ]);
  expect(r.byList.map((x) => [x.listId, x.listVersion, x.decided])).toEqual([
    ['L1', 1, 6],
    ['L2', 3, 1],
  ]);
});

test('a month with nothing decided has no rate; the next period sees the late decision', () => {
  const empty = new QualityCounter(period, null);
  empty.add(finding('open', {}));
  expect(empty.result().totals).toMatchObject({ decided: 0, pending: 1, confirmationRate: null });

  const april = new QualityCounter(
    {
      from: '2026-04-01',
      to: '2026-04-30',
      start: end,
      end: new Date('2026-05-01T00:00:00+08:00'),
    },
    null,
  );
  april.add(finding('late', { conclusion: 'confirmed', decidedAt: '2026-04-01T00:00:00' }));
  expect(april.result().totals).toMatchObject({
    confirmed: 1,
    decided: 1,
    pending: 0,
    confirmationRate: 1,
    months: [expect.objectContaining({ month: '2026-04', confirmed: 1 })],
  });
});
