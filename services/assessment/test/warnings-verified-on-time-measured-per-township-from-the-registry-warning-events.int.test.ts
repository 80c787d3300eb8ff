import {
  createEvent,
  endOfShanghaiDay,
  type Envelope,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
  MonitoringWarningRaised,
  SYSTEM_ACTOR,
  warningDecidedOnTime,
} from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  type TestAssessment,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from './fixtures/assessment';
import { township } from './fixtures/events';
import { rank } from './fixtures/scenario';

// 预警按期核实率 per township from the registry's registry.monitoring_warning.v1 events, published
// on Kafka as the registry's relay does: decided by the deadline (by default the end of the due
// day in Asia/Shanghai) is on time, later is late, open past the deadline is late, open before it
// is not counted; a deadline set by the county (督办) replaces it, earlier or later. Redelivered and
// reordered events change nothing; the late warnings are the records behind the value.

let t: TestAssessment;
const clock = testClock('2019-04-02T02:00:00Z');
const VA = '431121101201';
const VB = '431121102201';
const TOWN_OF = { [VA]: TOWNSHIP_A, [VB]: TOWNSHIP_B } as const;
const CLERK = { kind: 'user' as const, id: 'u-town', name: '乡镇干部' };
const OFFICE = { kind: 'user' as const, id: 'u-county', name: '县扶贫办' };

function raised(id: string, village: typeof VA | typeof VB, raisedAt: string, dueOn: string) {
  return createEvent(MonitoringWarningRaised, {
    aggregateId: id,
    areaCode: village,
    actor: SYSTEM_ACTOR,
    occurredAt: new Date(raisedAt),
    payload: {
      warningId: id,
      householdId: `h-${id}`,
      areaCode: village,
      townshipCode: TOWN_OF[village],
      signals: ['income_below_monitoring_line'],
      raisedAt,
      dueAt: endOfShanghaiDay(dueOn).toISOString(),
      dueOn,
    },
  });
}

/** 督办: the county sets the open warning's deadline. */
function dueChanged(r: Envelope, dueAt: string, changedAt: string) {
  const p = MonitoringWarningRaised.payload.parse(r.payload);
  return createEvent(MonitoringWarningDueChanged, {
    aggregateId: r.aggregateId,
    areaCode: r.areaCode,
    actor: OFFICE,
    occurredAt: new Date(changedAt),
    payload: {
      warningId: p.warningId,
      householdId: p.householdId,
      areaCode: p.areaCode,
      townshipCode: p.townshipCode,
      raisedAt: p.raisedAt,
      dueAt,
      dueOn: shanghaiDateOf(new Date(dueAt)),
      previousDueAt: p.dueAt!,
      reason: '县扶贫办督办',
      changedAt,
    },
  });
}

function decided(r: Envelope, decision: 'confirmed' | 'dismissed', decidedAt: string) {
  const p = MonitoringWarningRaised.payload.parse(r.payload);
  return createEvent(MonitoringWarningDecided, {
    aggregateId: r.aggregateId,
    areaCode: r.areaCode,
    actor: CLERK,
    occurredAt: new Date(decidedAt),
    payload: {
      warningId: p.warningId,
      householdId: p.householdId,
      areaCode: p.areaCode,
      townshipCode: p.townshipCode,
      decision,
      raisedAt: p.raisedAt,
      decidedAt,
      dueAt: p.dueAt,
      dueOn: p.dueOn,
      onTime: warningDecidedOnTime(decidedAt, p.dueAt!),
    },
  });
}

// Township A: on the due day (23:00 in Shanghai), a day late, open past due, one not yet due,
// and one due in March whose deadline the county put off to April (not due in the quarter).
const a1 = raised('w-a1', VA, '2019-03-01T02:00:00.000Z', '2019-03-16');
const a2 = raised('w-a2', VA, '2019-03-01T02:00:00.000Z', '2019-03-16');
const a3 = raised('w-a3', VA, '2019-03-10T02:00:00.000Z', '2019-03-25');
const a4 = raised('w-a4', VA, '2019-03-28T02:00:00.000Z', '2019-04-12');
const a5 = raised('w-a5', VA, '2019-03-12T02:00:00.000Z', '2019-03-27');
// Township B: decided early; its decision is published before its raising (a reordering). And
// one due in April whose deadline the county moved earlier, to 17:00 on 28 March: still open,
// late once past (its deadline set is published before its raising: a reordering too).
const b1 = raised('w-b1', VB, '2019-03-05T02:00:00.000Z', '2019-03-20');
const b2 = raised('w-b2', VB, '2019-03-25T02:00:00.000Z', '2019-04-09');

const EVENTS = [
  township(TOWNSHIP_A, '漳江街道'),
  township(TOWNSHIP_B, '陬市镇'),
  a1,
  decided(a1, 'confirmed', '2019-03-16T15:00:00.000Z'),
  a2,
  decided(a2, 'dismissed', '2019-03-16T16:30:00.000Z'),
  a3,
  a4,
  decided(b1, 'dismissed', '2019-03-18T02:00:00.000Z'),
  b1,
  a5,
  dueChanged(a5, '2019-04-10T17:00:00+08:00', '2019-03-20T02:00:00.000Z'),
  dueChanged(b2, '2019-03-28T17:00:00+08:00', '2019-03-26T02:00:00.000Z'),
  b2,
];

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: true });
  // The townships' names first: a scheme names its units.
  await t.publish(EVENTS);
  await t.consumed(EVENTS);
  const res = await request(t.app)
    .put('/schemes/2019')
    .set(bearer(t.tokens.county))
    .send({
      revision: 0,
      tracks: [
        {
          kind: 'township',
          units: [{ code: TOWNSHIP_A }, { code: TOWNSHIP_B }],
          indicators: [{ code: 'warnings_verified_on_time', weight: 100, rule: 'rank' }],
        },
      ],
    });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

type Preview = {
  results: {
    code: string;
    indicators: { code: string; value: number | null; numerator: number; denominator: number }[];
  }[];
};

async function byTownship() {
  const res = await request(t.app).get('/quarters/2019/1/preview').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body as Preview).results.map((r) => [
      r.code,
      r.indicators.find((i) => i.code === 'warnings_verified_on_time')!,
    ]),
  );
}

test('warnings verified on time per township: the due day is on time, open past due is late', async () => {
  const v = await byTownship();
  expect(v[TOWNSHIP_A]).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
  // w-b2's deadline moved from 9 April to 28 March: open past it, late.
  expect(v[TOWNSHIP_B]).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  const indicators = await request(t.app).get('/indicators').set(bearer(t.tokens.county));
  expect(
    (indicators.body as { code: string }[]).find((i) => i.code === 'warnings_verified_on_time'),
  ).toMatchObject({
    label: { zh: '预警按期核实率', en: 'Warnings verified on time' },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    sources: ['registry.monitoring_warning.v1'],
  });
});

test('one record per warning: a redelivery or a raising after its decision changes nothing', async () => {
  const facts = await t.assessment.models.facts
    .find({ kind: 'warning' }, { recordId: 1, status: 1, day: 1, to: 1 })
    .sort({ _id: 1 })
    .lean();
  expect(facts.map((f) => [f.recordId, f.status, f.day, f.to])).toEqual([
    ['w-a1', 'confirmed', '2019-03-16', '2019-03-16'],
    ['w-a2', 'dismissed', '2019-03-16', '2019-03-17'],
    ['w-a3', 'open', '2019-03-25', null],
    ['w-a4', 'open', '2019-04-12', null],
    ['w-a5', 'open', '2019-04-10', null],
    ['w-b1', 'dismissed', '2019-03-20', '2019-03-18'],
    ['w-b2', 'open', '2019-03-28', null],
  ]);
  const moved = facts.find((f) => f.recordId === 'w-b2')!;
  expect((await t.assessment.models.facts.findById(moved._id).lean())!.data).toMatchObject({
    dueAt: '2019-03-28T17:00:00+08:00',
  });
  // Every warning event once more, each under a new event id (the consumer's own dedup does not
  // apply): the records keep the latest step, the values stay.
  const again = EVENTS.slice(2).map((e) => ({ ...e, id: randomUUID() }));
  await t.publish(again);
  await t.consumed(again);
  const after = await t.assessment.models.facts
    .find({ kind: 'warning' }, { recordId: 1, status: 1, day: 1, to: 1 })
    .sort({ _id: 1 })
    .lean();
  expect(after).toEqual(facts);
  const v = await byTownship();
  expect(v[TOWNSHIP_A]).toMatchObject({ numerator: 1, denominator: 3 });
  expect(v[TOWNSHIP_B]).toMatchObject({ numerator: 1, denominator: 2 });
});

test("the ranking lists a township's late warnings, linked to the registry's warning", async () => {
  await rank(t, clock, 2019, 1, '2019-04-02');
  const res = await request(t.app)
    .get(`/rankings/2019-Q1-v1/results/township:${TOWNSHIP_A}/records/warnings_verified_on_time`)
    .set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  expect(res.body).toEqual([
    { id: 'w-a2', note: '2019-03-16', link: '/api/registry/monitoring/warnings/w-a2' },
    { id: 'w-a3', note: '2019-03-25', link: '/api/registry/monitoring/warnings/w-a3' },
  ]);
});
