import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  TOWNSHIP_C,
  type TestAssessment,
} from './fixtures/assessment';
import { pairing, visit } from './fixtures/events';
import {
  defineScheme,
  deliver,
  EVENTS,
  HH,
  rank,
  table,
  townshipsKnown,
  UNIT,
  VILLAGE,
} from './fixtures/scenario';

/**
 * 问责 on record: 汾市乡 is last in Q1 and Q2 of the fixture county, so the Q2 ranking opens one
 * case for it with both rankings' facts; recomputing does not open a second one, a recomputation
 * that lifts the flag withdraws it (kept) and one that flags it again reinstates it; the poverty
 * office then decides, follows up and closes it, and every step out of order is refused.
 */
let t: TestAssessment;
const clock = testClock('2019-01-01T02:00:00Z');
const CASE = `2019-Q2.township.${TOWNSHIP_C}`;

interface CaseBody {
  id: string;
  status: string;
  unit: { name: string };
  facts: {
    rankingId: string;
    reason: { zh: string };
    rankings: {
      quarterKey: string;
      scoreCenti: number;
      rank: number;
      of: number;
      explanation: { zh: string; en: string }[];
    }[];
  };
  decision: { kind: string; decidedBy: string } | null;
  followUps: { text: string }[];
  withdrawal: { rankingId: string } | null;
  history: { action: string; to: string; by: { name: string } | null }[];
}

const get = (path: string, token = t.tokens.county) => request(t.app).get(path).set(bearer(token));
const post = (path: string, body: object, token = t.tokens.county) =>
  request(t.app).post(path).set(bearer(token)).send(body);
const recompute = (quarter: number, reason: string) =>
  post(`/quarters/2019/${quarter}/recompute`, { reason });
const cases = async () => {
  const res = await get('/accountability-cases');
  expect(res.status).toBe(200);
  return res.body as CaseBody[];
};
const theCase = async () => (await get(`/accountability-cases/${CASE}`)).body as CaseBody;

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  await deliver(t, EVENTS.Q1);
  await townshipsKnown(t);
  await defineScheme(t);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

test('a first yellow card opens no case; the second in a row opens one with both rankings', async () => {
  await rank(t, clock, 2019, 1, '2019-04-02');
  expect(await cases()).toEqual([]);
  await deliver(t, EVENTS.Q2);
  const q2 = await rank(t, clock, 2019, 2, '2019-07-02');
  expect(table(q2).find((u) => u.unit === '汾市乡')).toMatchObject({ accountable: true });

  const list = await cases();
  expect(list.map((c) => [c.id, c.status, c.unit.name])).toEqual([[CASE, 'open', '汾市乡']]);
  const c = await theCase();
  expect(c.facts.rankingId).toBe('2019-Q2-v1');
  expect(c.facts.reason.zh).toContain('问责');
  expect(c.facts.rankings.map((r) => [r.quarterKey, r.scoreCenti, r.rank, r.of])).toEqual([
    ['2019-Q1', 0, 3, 3],
    ['2019-Q2', 2500, 3, 3],
  ]);
  expect(c.facts.rankings[0]!.explanation.map((e) => e.zh).join('\n')).toContain('预黄牌');
  expect(c.history.map((h) => [h.action, h.to, h.by])).toEqual([['opened', 'open', null]]);
});

test('recomputing and restarting the sync open no second case', async () => {
  clock.set('2019-07-05T02:00:00Z');
  expect((await recompute(2, '核对数据后重新计算')).status).toBe(201);
  await t.assessment.accountability.sync.syncAll();
  const list = await cases();
  expect(list.map((c) => c.id)).toEqual([CASE]);
  const c = await theCase();
  expect(c.facts.rankingId).toBe('2019-Q2-v2');
  expect(c.history.map((h) => h.action)).toEqual(['opened', 'refreshed']);
});

test('a recomputation that lifts the flag withdraws the case; one that flags it again reinstates it', async () => {
  // 汾市乡's Q1 records entered late: it is no longer last in Q1, so Q2 is its first yellow card.
  const lateC = [
    pairing(HH.C1, VILLAGE.C, '2019-01-05'),
    pairing(HH.C2, VILLAGE.C, '2019-01-05'),
    ...['2019-01-20', '2019-02-20', '2019-03-20'].map((d) =>
      visit(HH.C2, VILLAGE.C, d, '2019-07-05'),
    ),
    ...EVENTS.Q1_LATE,
  ];
  await deliver(t, lateC);
  const q1 = await recompute(1, '汾市乡补录一季度帮扶和走访');
  expect(q1.status).toBe(201);
  expect(table(q1.body).find((u) => u.unit === '汾市乡')).toMatchObject({ yellow: false });
  const q2 = await recompute(2, '一季度排名更正后重新计算');
  expect(table(q2.body).find((u) => u.unit === '汾市乡')).toMatchObject({ accountable: false });

  let c = await theCase();
  expect(c.status).toBe('withdrawn');
  expect(c.withdrawal?.rankingId).toBe('2019-Q2-v3');
  expect((await cases()).length).toBe(1);
  const refused = await post(`/accountability-cases/${CASE}/decision`, {
    kind: 'talk',
    decidedOn: '2019-07-05',
    decidedBy: '县扶贫开发领导小组',
    text: '约谈乡党委书记',
  });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'ASSESSMENT_CASE_WITHDRAWN' });

  // 南强镇's Q1 records entered late too: 汾市乡 is last in Q1 again.
  const lateB = [
    pairing(HH.B2, VILLAGE.B, '2019-01-05'),
    ...['2019-01-20', '2019-02-20', '2019-03-20'].map((d) =>
      visit(HH.B2, VILLAGE.B, d, '2019-07-05'),
    ),
  ];
  await deliver(t, lateB);
  expect((await recompute(1, '南强镇补录一季度帮扶和走访')).status).toBe(201);
  const again = await recompute(2, '一季度排名再次更正后重新计算');
  expect(table(again.body).find((u) => u.unit === '汾市乡')).toMatchObject({ accountable: true });
  c = await theCase();
  expect(c.status).toBe('open');
  expect(c.withdrawal).toBeNull();
  expect(c.history.map((h) => h.action)).toEqual([
    'opened',
    'refreshed',
    'withdrawn',
    'reinstated',
  ]);
  expect((await cases()).length).toBe(1);
});

test('the office decides, follows up and closes the case; each step out of order is refused', async () => {
  clock.set('2019-07-20T02:00:00Z');
  const path = `/accountability-cases/${CASE}`;
  const decision = {
    kind: 'talk',
    decidedOn: '2019-07-15',
    decidedBy: '县扶贫开发领导小组',
    text: '约谈汾市乡党委书记和分管副乡长，限期整改',
    documentNo: '县扶组〔2019〕12号',
  };
  const notDecided = await post(`${path}/follow-ups`, { on: '2019-07-16', text: '已约谈' });
  expect(notDecided.status).toBe(409);
  expect(notDecided.headers['content-type']).toContain('application/problem+json');
  expect(notDecided.body).toMatchObject({ code: 'ASSESSMENT_CASE_NOT_DECIDED' });
  expect((await post(`${path}/close`, { on: '2019-07-16', note: '办结' })).status).toBe(409);
  // A township's user (even with the write right) does not decide; a bad body is refused.
  expect((await post(`${path}/decision`, decision, t.tokens.townshipA)).status).toBe(403);
  expect((await post(`${path}/decision`, { ...decision, kind: 'fine' })).status).toBe(400);
  const future = await post(`${path}/decision`, { ...decision, decidedOn: '2019-08-01' });
  expect(future.status).toBe(422);
  expect(future.body.errors[0]).toMatchObject({ field: 'decidedOn' });

  const decided = await post(`${path}/decision`, decision);
  expect(decided.status).toBe(200);
  expect(decided.body).toMatchObject({
    status: 'decided',
    decision: { kind: 'talk', decidedBy: '县扶贫开发领导小组', recordedBy: { name: '县扶贫办' } },
  });
  const twice = await post(`${path}/decision`, decision);
  expect(twice.status).toBe(409);
  expect(twice.body).toMatchObject({
    code: 'ASSESSMENT_CASE_ALREADY_DECIDED',
    message: { 'zh-CN': expect.stringContaining('已作出决定'), en: expect.any(String) },
  });
  const noFollowUp = await post(`${path}/close`, { on: '2019-07-20', note: '整改到位' });
  expect(noFollowUp.status).toBe(422);
  expect(noFollowUp.body).toMatchObject({ code: 'ASSESSMENT_CASE_NO_FOLLOW_UP' });
  const early = await post(`${path}/follow-ups`, { on: '2019-07-10', text: '已约谈' });
  expect(early.status).toBe(422);

  const followed = await post(`${path}/follow-ups`, {
    on: '2019-07-18',
    text: '已约谈，汾市乡提交整改方案，走访覆盖率月底前达到100%',
  });
  expect(followed.status).toBe(201);
  expect(followed.body.followUps).toHaveLength(1);
  const closed = await post(`${path}/close`, { on: '2019-07-20', note: '整改到位，予以办结' });
  expect(closed.status).toBe(200);
  expect(closed.body.status).toBe('closed');
  const afterClose = await post(`${path}/decision`, decision);
  expect(afterClose.status).toBe(409);
  expect(afterClose.body).toMatchObject({ code: 'ASSESSMENT_CASE_CLOSED' });
  expect((await post(`${path}/follow-ups`, { on: '2019-07-20', text: '再跟进' })).status).toBe(409);

  const c = await theCase();
  expect(c.history.map((h) => [h.action, h.to, h.by?.name ?? null])).toEqual([
    ['opened', 'open', null],
    ['refreshed', 'open', null],
    ['withdrawn', 'withdrawn', null],
    ['reinstated', 'open', null],
    ['decided', 'decided', '县扶贫办'],
    ['followed_up', 'decided', '县扶贫办'],
    ['closed', 'closed', '县扶贫办'],
  ]);
});

test("the unit's history lists its cases; another township sees none of them", async () => {
  const q = (filter: object) => `/accountability-cases?filter=${JSON.stringify(filter)}`;
  for (const filter of [{ unitId: UNIT.C }, { status: 'closed' }, { year: 2019, quarter: 2 }]) {
    const res = await get(q(filter));
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('accountability-cases 0-0/1');
  }
  expect((await get(q({ unitId: UNIT.A }))).body).toEqual([]);
  expect((await get(q({ status: 'bogus' }))).status).toBe(400);
  const asA = await get('/accountability-cases', t.tokens.townshipA);
  expect(asA.headers['content-range']).toBe('accountability-cases 0-0/0');
  expect((await get(`/accountability-cases/${CASE}`, t.tokens.townshipA)).status).toBe(404);
  await eventually(async () => {
    expect((await get('/accountability-cases', t.tokens.noRights)).status).toBe(403);
  });
});
