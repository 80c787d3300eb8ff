import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/assistance';

/** 帮扶责任人全覆盖: every household in poverty or under monitoring has an active pairing. */
const clock = testClock('2026-05-20T03:00:00Z');
let t: TestAssistance;
const h: Record<string, string> = {};

beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
  h.poorPaired = await seedHousehold(t, 'CV-1', VILLAGE_A1);
  h.poorAlone = await seedHousehold(t, 'CV-2', VILLAGE_A1);
  h.marginalAlone = await seedHousehold(t, 'CV-3', VILLAGE_B1, { status: 'marginal' });
  h.exitedAlone = await seedHousehold(t, 'CV-4', VILLAGE_A1, { status: 'exited', exitYear: 2019 });
  h.candidate = await seedHousehold(t, 'CV-5', VILLAGE_B1, { status: 'candidate' });
  h.endedPairing = await seedHousehold(t, 'CV-6', VILLAGE_B1, { status: 'returned' });
  const helper = await createHelper(t, t.tokens.county, { name: '覆盖甲', rank: 'general' });
  const pair = (householdId: string) =>
    request(t.app)
      .post('/pairings')
      .set(as(t.tokens.county))
      .send({ helperId: helper, householdId, role: 'key' });
  expect((await pair(h.poorPaired!)).status).toBe(201);
  const ended = await pair(h.endedPairing!);
  await request(t.app)
    .post(`/pairings/${ended.body.id}/end`)
    .set(as(t.tokens.county))
    .send({ reason: '调离' });
});
afterAll(async () => {
  await t.close();
});

test('the live list names households in poverty or monitored with no active pairing', async () => {
  const res = await request(t.app)
    .get('/coverage/uncovered')
    .query({ range: '[0,99]' })
    .set(as(t.tokens.county));
  expect(res.status).toBe(200);
  expect(res.body.map((x: { householdNo: string }) => x.householdNo)).toEqual([
    'CV-2',
    'CV-3',
    'CV-6',
  ]);
  expect(res.headers['content-range']).toBe('uncovered 0-2/3');
  const onlyMarginal = await request(t.app)
    .get('/coverage/uncovered')
    .query({ filter: JSON.stringify({ status: 'marginal' }) })
    .set(as(t.tokens.county));
  expect(onlyMarginal.body.map((x: { householdNo: string }) => x.householdNo)).toEqual(['CV-3']);
  const summary = await request(t.app).get('/coverage/summary').set(as(t.tokens.county));
  expect(summary.body.byArea).toEqual([
    { areaCode: TOWNSHIP_A, needy: 2, covered: 1, uncovered: 1 },
    { areaCode: TOWNSHIP_B, needy: 2, covered: 0, uncovered: 2 },
  ]);
});

test('the daily BullMQ job records the day report by township and repairs drifted counters', async () => {
  // A pairing counter off by one (a crash between claim and insert): the job repairs it.
  const helper = await t.assistance.models.helpers.findOne({ name: '覆盖甲' }).lean();
  await t.assistance.models.helpers.updateOne({ _id: helper!._id }, { $set: { 'load.key': 5 } });

  const run = await request(t.app).post('/coverage/run').set(as(t.tokens.county));
  expect(run.status).toBe(202);
  const report = await eventually(
    async () => {
      const r = await request(t.app).get('/coverage/reports/2026-05-20').set(as(t.tokens.county));
      expect(r.status).toBe(200);
      return r.body;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  expect(report).toMatchObject({
    date: '2026-05-20',
    uncoveredTotal: 3,
    byArea: [
      { areaCode: TOWNSHIP_A, needy: 2, covered: 1, uncovered: 1 },
      { areaCode: TOWNSHIP_B, needy: 2, covered: 0, uncovered: 2 },
    ],
  });
  expect(report.uncovered.map((x: { householdNo: string }) => x.householdNo)).toEqual([
    'CV-2',
    'CV-3',
    'CV-6',
  ]);
  expect((await t.assistance.models.helpers.findById(helper!._id).lean())!.load).toEqual({
    key: 1,
    contact: 0,
  });

  // A township reads its own rows of the same report.
  const mine = await request(t.app).get('/coverage/reports/2026-05-20').set(as(t.tokens.townshipA));
  expect(mine.body).toMatchObject({ uncoveredTotal: 1, byArea: [{ areaCode: TOWNSHIP_A }] });
  expect(mine.body.uncovered.map((x: { householdNo: string }) => x.householdNo)).toEqual(['CV-2']);
  const list = await request(t.app).get('/coverage/reports').set(as(t.tokens.townshipA));
  expect(list.body).toEqual([expect.objectContaining({ date: '2026-05-20', uncoveredTotal: 1 })]);
});

test('the daily schedule is one BullMQ job scheduler in Asia/Shanghai, whatever the number of instances', async () => {
  const schedulers = await t.assistance.job.schedulers();
  expect(schedulers).toEqual([
    expect.objectContaining({
      key: 'coverage-daily',
      pattern: '0 30 1 * * *',
      tz: 'Asia/Shanghai',
    }),
  ]);
});
