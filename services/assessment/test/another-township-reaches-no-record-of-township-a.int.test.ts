import { walkAsAnotherTownship } from '@fupin/testing';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  type TestAssessment,
} from './fixtures/assessment';
import {
  defineScheme,
  deliver,
  EVENTS,
  rank,
  SCHEME_2019,
  townshipsKnown,
  UNIT,
} from './fixtures/scenario';
import { inspectionRecordsOfTownshipA } from './fixtures/inspections';

const RANKING = '2019-Q1-v1';
/** Township A's area codes all start with it: none may reach township B. */
const A_PREFIX = TOWNSHIP_A.slice(0, 9);

let t: TestAssessment;
let tokenB: string;
/** 督查 records of township A: a plan, an inspection, a photo and a rectification order. */
let inspections: Awaited<ReturnType<typeof inspectionRecordsOfTownshipA>>;
/** A complaint about township A (信访件). */
let complaintId: string;
/** A task of township A's schedule (倒排工期). */
let taskId: string;
const clock = testClock('2019-01-01T02:00:00Z');

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  await deliver(t, EVENTS.Q1);
  await townshipsKnown(t);
  await defineScheme(t);
  await rank(t, clock, 2019, 1, '2019-04-02');
  inspections = await inspectionRecordsOfTownshipA(t, '2019-04-01');
  const complaint = await request(t.app).post('/complaints').set(bearer(t.tokens.county)).send({
    receivedOn: '2019-01-02',
    channel: 'letter',
    complainantName: '王秀英',
    areaCode: TOWNSHIP_A,
    subject: 'funds',
    text: '补贴未到账',
  });
  complaintId = (complaint.body as { id: string }).id;
  const task = await request(t.app).post('/tasks').set(bearer(t.tokens.county)).send({
    code: 'CG-01',
    title: '城关镇危房改造竣工',
    ownerUnit: '城关镇',
    areaCode: TOWNSHIP_A,
    startOn: '2019-01-01',
    dueOn: '2019-06-30',
  });
  taskId = (task.body as { id: string }).id;
  tokenB = await t.issuer.sign({
    sub: 'u-town-b',
    name: '南强镇',
    area: TOWNSHIP_B,
    roles: ['township_staff'],
    rights: { assessment: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
}, 240_000);
afterAll(async () => {
  await t?.close();
});

/**
 * A version of the county's ranking, its preview and its printed notices hold every unit of
 * the county; a township's user gets them cut to its own units (the scoped test prints them).
 */
const CUT_TO_THE_CALLER =
  "the county's ranking, answered with the caller's own units only (checked below)";

test("every documented operation refuses another township's user township A's records", async () => {
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token: tokenB,
    townshipA: TOWNSHIP_A,
    ids: {
      id: RANKING,
      unitId: UNIT.A,
      indicator: 'visit_coverage',
      year: '2019',
      quarter: '1',
      month: '2019-03',
      ...Object.fromEntries(
        ['', '/assign', '/answer', '/satisfaction', '/reopen'].map((s) => [
          `/complaints/{id}${s}`,
          complaintId,
        ]),
      ),
      ...inspections.ids,
      ...Object.fromEntries(['', '/progress'].map((x) => [`/tasks/{id}${x}`, taskId])),
      ...Object.fromEntries(
        ['', '/decision', '/follow-ups', '/close'].map((s) => [
          `/accountability-cases/{id}${s}`,
          `2019-Q1.township.${TOWNSHIP_A}`,
        ]),
      ),
    },
    bodies: {
      'POST /complaints/{id}/assign': { unitId: 'department:civil_affairs', revision: 1 },
      'POST /complaints/{id}/answer': { text: '已答复', revision: 1 },
      'POST /complaints/{id}/satisfaction': { satisfaction: 'satisfied', revision: 1 },
      'POST /complaints/{id}/reopen': { reason: '不满意', revision: 1 },
      'PUT /schemes/{year}': { ...SCHEME_2019, revision: 1 },
      'POST /quarters/{year}/{quarter}/recompute': { reason: '乡镇要求重算' },
      ...inspections.bodies,
      'POST /accountability-cases/{id}/decision': {
        kind: 'talk',
        decidedOn: '2019-04-10',
        decidedBy: '县扶贫开发领导小组',
        text: '约谈主要负责人',
      },
      'POST /accountability-cases/{id}/follow-ups': { on: '2019-04-20', text: '已约谈' },
      'PUT /tasks/{id}': {
        code: 'RW-X',
        title: '任务',
        ownerUnit: '南强镇',
        areaCode: TOWNSHIP_B,
        startOn: '2019-01-01',
        dueOn: '2019-06-30',
        revision: 1,
      },
      'POST /tasks/{id}/progress': { percent: 10, reportedOn: '2019-01-01' },
      'POST /accountability-cases/{id}/close': { on: '2019-04-30', note: '整改到位' },
    },
    exempt: {
      '/schemes': "the county's schemes: the units assessed are every township by design",
      'GET /schemes/{year}': "the county's scheme: the units assessed are every township by design",
      '/schemes/{year}/targets/template.xlsx': "the county's scheme as a sheet to fill in",
      '/rankings/{id}': CUT_TO_THE_CALLER,
      '/rankings/{id}/results': CUT_TO_THE_CALLER,
      '/quarters/{year}/{quarter}/preview': CUT_TO_THE_CALLER,
      '/rankings/{id}/notice': CUT_TO_THE_CALLER,
      '/bulletins/monthly/{month}': CUT_TO_THE_CALLER,
      '/projection/status': "the projection's progress, no household in it",
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(8);
}, 120_000);

test("the county's ranking reaches another township cut to its own units", async () => {
  for (const path of [
    `/rankings/${RANKING}`,
    `/rankings/${RANKING}/results`,
    '/quarters/2019/1/preview',
  ]) {
    const res = await request(t.app).get(path).set(bearer(tokenB));
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expect(res.text).toContain(`"${TOWNSHIP_B}"`);
    expect(res.text).not.toContain(`"${A_PREFIX}`);
  }
});
