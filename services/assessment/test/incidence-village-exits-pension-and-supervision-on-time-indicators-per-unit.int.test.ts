import {
  CoverageRecorded,
  createEvent,
  type Envelope,
  ExitTargetSet,
  findContract,
  MemberAdded,
  SYSTEM_ACTOR,
  VillageUpdated,
} from '@fupin/contracts';
import { planProblems } from '@fupin/testing';
import request from 'supertest';
import {
  bearer,
  COUNTY,
  startAssessment,
  testClock,
  type TestAssessment,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from './fixtures/assessment';
import { household, township } from './fixtures/events';

// The indicators of issue 24 item 5, per unit, from the events and the assessment's own
// records: the incidence above the target, villages exited against the plan, the pension
// coverage, and tasks, rectification orders and complaints done on time in the quarter.

let t: TestAssessment;
const clock = testClock('2019-07-10T02:00:00Z');
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const VA1 = '431121101201';
const VA2 = '431121101202';
const VA3 = '431121101203';
const VB1 = '431121102201';

function village(code: string, name: string, population: number, exitYear: number | null) {
  return createEvent(VillageUpdated, {
    aggregateId: code,
    areaCode: code,
    actor: SYSTEM_ACTOR,
    occurredAt: at('2019-01-05'),
    payload: {
      village: {
        code,
        name,
        townshipCode: `${code.slice(0, 9)}000`,
        poorVillage: true,
        poorVillageLevel: null,
        ruralPopulation: population,
        exited: exitYear !== null,
        exitYear,
      },
      changed: ['ruralPopulation'],
    },
  });
}

function target(areaCode: string, extra: Record<string, unknown>): Envelope {
  return createEvent(ExitTargetSet, {
    aggregateId: `${areaCode}:2019`,
    areaCode,
    actor: SYSTEM_ACTOR,
    occurredAt: at('2019-01-02'),
    payload: {
      target: { areaCode, year: 2019, households: 1, people: null, revision: 1, ...extra },
    },
  });
}

function member(
  id: string,
  householdId: string,
  areaCode: string,
  birthDate: string,
  opts: { pension?: boolean; inSchool?: boolean } = {},
): Envelope {
  return createEvent(MemberAdded, {
    aggregateId: householdId,
    areaCode,
    actor: SYSTEM_ACTOR,
    occurredAt: at('2019-01-03'),
    payload: {
      areaCode,
      member: {
        id,
        householdId,
        idHash: Buffer.from(id).toString('hex').padStart(64, '0'),
        name: '成员',
        relation: 'head',
        sex: 'female',
        birthDate,
        status: 'active',
        schoolStage: null,
        inSchool: opts.inSchool ?? false,
        health: null,
        labourCapacity: null,
        medicalInsurance: true,
        pensionInsurance: opts.pension ?? false,
        minimumAllowance: false,
        destituteSupport: false,
      },
    },
  });
}

const EVENTS = [
  township(TOWNSHIP_A, '漳江街道'),
  township(TOWNSHIP_B, '陬市镇'),
  village(VA1, '一村', 100, null),
  village(VA2, '二村', 50, 2019),
  village(VA3, '三村', 0, null),
  village(VB1, '四村', 200, null),
  // The county: incidence at most 1.5%, and the villages to exit; township B its own number.
  target(COUNTY, { incidencePercent: 1.5, villageCodes: [VA1, VA2, VB1] }),
  target(TOWNSHIP_B, { villages: 1 }),
  household('h1', VA1),
  household('h2', VA2, { status: 'exited', exitYear: 2019 }),
  household('h3', VA3),
  household('h4', VB1),
  member('m1', 'h1', VA1, '1970-03-01'),
  member('m2', 'h1', VA1, '2010-03-01'),
  member('m3', 'h1', VA1, '1980-03-01'),
  member('m4', 'h2', VA2, '1960-03-01', { pension: true }),
  member('m5', 'h3', VA3, '1990-03-01', { inSchool: true }),
  member('m6', 'h4', VB1, '1950-03-01', { pension: true }),
  createEvent(CoverageRecorded, {
    aggregateId: 'm1',
    areaCode: VA1,
    actor: SYSTEM_ACTOR,
    occurredAt: at('2019-02-01'),
    payload: {
      personId: 'm1',
      householdId: 'h1',
      idHash: Buffer.from('m1').toString('hex').padStart(64, '0'),
      areaCode: VA1,
      year: 2019,
      kind: 'pension',
      enrolled: true,
      source: 'import',
    },
  }),
];

const task = (
  id: string,
  ownerUnit: string,
  areaCode: string,
  dueOn: string,
  done: string | null,
) => ({
  _id: id,
  code: id,
  title: id,
  ownerUnit,
  leader: null,
  areaCode,
  startOn: '2019-04-01',
  dueOn,
  milestones: [],
  progressPercent: done ? 100 : 0,
  completedOn: done,
  done: done !== null,
  link: null,
  reports: [],
});
const order = (id: string, unitId: string, deadline: string, closedOn: string | null) => ({
  _id: id,
  findingId: `finding-${id}`,
  areaCode: TOWNSHIP_A,
  unitId,
  issuedOn: '2019-04-10',
  deadline,
  closedOn,
  status: closedOn ? 'closed' : 'rectifying',
  householdId: null,
});
const complaint = (id: string, unitId: string | null, dueOn: string, answered: string | null) => ({
  _id: id,
  complaintNo: id,
  areaCode: TOWNSHIP_B,
  unitId,
  receivedOn: '2019-04-15',
  dueOn,
  answer: answered ? { text: '已答复', on: answered, byId: 'u', byName: '承办人' } : null,
  status: answered ? 'answered' : 'in_progress',
  householdId: null,
});

const TOWNSHIP_CODES = [
  'incidence_vs_target',
  'village_exit_rate',
  'pension_coverage',
  'tasks_on_time',
  'rectifications_on_time',
  'complaints_on_time',
];
const DEPARTMENT_CODES = TOWNSHIP_CODES.slice(2);

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: false });
  for (const e of EVENTS)
    await t.assessment.projection.apply(e, findContract(e.type, e.version)!.topic);
  const db = t.rt.conn;
  await db
    .collection('schedule_tasks')
    .insertMany([
      task('T1', '城关镇', VA1, '2019-05-10', '2019-05-10'),
      task('T2', '城关镇', TOWNSHIP_A, '2019-06-01', null),
      task('T3', '县人社局', COUNTY, '2019-06-15', '2019-06-20'),
      task('T4', '陬市镇', VB1, '2019-08-01', null),
    ] as never[]);
  await db
    .collection('rectifications')
    .insertMany([
      order('R1', `township:${TOWNSHIP_A}`, '2019-05-20', '2019-05-19'),
      order('R2', 'department:human_resources', '2019-06-10', null),
    ] as never[]);
  await db
    .collection('complaints')
    .insertMany([
      complaint('C1', `township:${TOWNSHIP_B}`, '2019-04-30', '2019-04-29'),
      complaint('C2', `township:${TOWNSHIP_B}`, '2019-06-30', '2019-07-01'),
      complaint('C3', null, '2019-05-01', null),
    ] as never[]);
  const res = await request(t.app)
    .put('/schemes/2019')
    .set(bearer(t.tokens.county))
    .send({
      revision: 0,
      tracks: [
        {
          kind: 'township',
          units: [{ code: TOWNSHIP_A }, { code: TOWNSHIP_B }],
          indicators: TOWNSHIP_CODES.map((code, i) => ({
            code,
            weight: i < 2 ? 20 : 15,
            rule: 'rank',
          })),
        },
        {
          kind: 'department',
          units: [{ code: 'human_resources' }, { code: 'health' }],
          indicators: DEPARTMENT_CODES.map((code) => ({ code, weight: 25, rule: 'rank' })),
        },
      ],
    });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

interface Row {
  code: string;
  indicators: {
    code: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }[];
}

async function preview() {
  const res = await request(t.app).get('/quarters/2019/2/preview').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  const byUnit = new Map((res.body.results as Row[]).map((r) => [r.code, r]));
  return (unit: string, code: string) => byUnit.get(unit)!.indicators.find((i) => i.code === code)!;
}

test('the incidence above the target and the villages exited against the plan, per township', async () => {
  const of = await preview();
  // A: 3 people still poor over 150 (the third village has no population) = 2%, target 1.5%.
  expect(of(TOWNSHIP_A, 'incidence_vs_target')).toMatchObject({
    value: 0.5,
    numerator: 3,
    denominator: 150,
  });
  expect(of(TOWNSHIP_B, 'incidence_vs_target')).toMatchObject({ value: 0, numerator: 1 });
  // A: two villages named by the county, one exited; B: its own number, none exited.
  expect(of(TOWNSHIP_A, 'village_exit_rate')).toMatchObject({
    value: 50,
    numerator: 1,
    denominator: 2,
  });
  expect(of(TOWNSHIP_B, 'village_exit_rate')).toMatchObject({
    value: 0,
    numerator: 0,
    denominator: 1,
  });
});

test('the pension counts members of age not in school, enrolled by support or the registry', async () => {
  const of = await preview();
  expect(of(TOWNSHIP_A, 'pension_coverage')).toMatchObject({
    value: 66.67,
    numerator: 2,
    denominator: 3,
  });
  expect(of(TOWNSHIP_B, 'pension_coverage')).toMatchObject({ value: 100, denominator: 1 });
  expect(of('human_resources', 'pension_coverage')).toMatchObject({ value: 75, denominator: 4 });
  expect(of('health', 'pension_coverage').value).toBeNull();
});

test('tasks, rectifications and complaints done on time count for the unit that owes them', async () => {
  const of = await preview();
  expect(of(TOWNSHIP_A, 'tasks_on_time')).toMatchObject({
    value: 50,
    numerator: 1,
    denominator: 2,
  });
  expect(of(TOWNSHIP_A, 'rectifications_on_time')).toMatchObject({ value: 100, denominator: 1 });
  expect(of(TOWNSHIP_A, 'complaints_on_time').value).toBeNull();
  expect(of(TOWNSHIP_B, 'tasks_on_time').value).toBeNull();
  // Answered the day after the quarter ended: late.
  expect(of(TOWNSHIP_B, 'complaints_on_time')).toMatchObject({
    value: 50,
    numerator: 1,
    denominator: 2,
  });
  expect(of('human_resources', 'tasks_on_time')).toMatchObject({ value: 0, denominator: 1 });
  expect(of('human_resources', 'rectifications_on_time')).toMatchObject({
    value: 0,
    denominator: 1,
  });
  expect(of('health', 'tasks_on_time').value).toBeNull();
});

test("the records behind a value are the owner's records: late tasks, villages above or not exited", async () => {
  const period = {
    key: '2019-Q2',
    year: 2019,
    span: { first: '2019-04-01', last: '2019-06-30' },
    months: ['2019-04', '2019-05', '2019-06'],
  };
  const unit = {
    unitId: `township:${TOWNSHIP_A}`,
    kind: 'township' as const,
    code: TOWNSHIP_A,
    name: '漳江街道',
    areaCode: TOWNSHIP_A,
  };
  const [tasks, incidence, villages] = await t.assessment.calculator.measure(
    period,
    [unit],
    ['tasks_on_time', 'incidence_vs_target', 'village_exit_rate'],
    '2019-07-10',
  );
  expect(tasks!.records).toMatchObject({
    service: 'assessment',
    path: '/tasks/{id}',
    items: [{ id: 'T2', note: '2019-06-01' }],
    total: 1,
  });
  expect(incidence!.records.items).toEqual([{ id: VA1, note: '3.00%' }]);
  expect(villages!.records.items).toEqual([{ id: VA1, note: '一村' }]);
});

test('the three collections are read for a period through an index', async () => {
  const db = t.rt.conn.db!;
  // Mongoose builds the indexes in the background: wait for them before asking for plans.
  await Promise.all(
    ['ScheduleTask', 'Rectification', 'Complaint'].map((m) => t.rt.conn.model(m).ensureIndexes()),
  );
  const reads: [string, Record<string, unknown>][] = [
    ['schedule_tasks', { startOn: { $lte: '2019-06-30' } }],
    ['rectifications', { issuedOn: { $lte: '2019-06-30' } }],
    ['complaints', { receivedOn: { $lte: '2019-06-30' } }],
  ];
  for (const [collection, filter] of reads) {
    const plan = (await db.collection(collection).find(filter).explain('queryPlanner')) as object;
    expect({ collection, problems: planProblems(plan as never, undefined) }).toEqual({
      collection,
      problems: [],
    });
  }
});
