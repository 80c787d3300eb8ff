import {
  createEvent,
  DropoutCaseOpened,
  EnrollmentRecorded,
  type Envelope,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_A2,
} from './fixtures/registry';
import { as, createAreas, step } from './fixtures/workflows';

// Issue 19, guarantees: a household with no guarantee stated cannot exit (unknown is never
// met, and the refusal says so); a C/D housing grade makes 住房安全 not met without anyone typing
// it; a typed value overrides it only with a reason and the history keeps both; support's
// enrollment and dropout events, published on Kafka, change 义务教育.

let t: TestRegistry;
let seq = 500;

beforeAll(async () => {
  t = await startRegistry();
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

type Member = { name: string; birth: string; sex: 'male' | 'female'; relation: string };

async function register(body: Record<string, unknown>, members: Member[]) {
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send({
      householdNo: `GU-${++seq}`,
      areaCode: VILLAGE_A1,
      status: 'in_poverty',
      income: { year: 2019, wagesFen: 1_200_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
      members: members.map((m) => ({
        name: m.name,
        idNumber: idNumber(m.birth, ++seq, m.sex),
        relation: m.relation,
        medicalInsurance: true,
      })),
      ...body,
    });
  expect(res.status).toBe(201);
  return res.body;
}

const ADULTS: Member[] = [
  { name: '赵大树', birth: '1970-01-01', sex: 'male', relation: 'head' },
  { name: '钱小花', birth: '1972-02-02', sex: 'female', relation: 'spouse' },
];

test('a household with no guarantee stated starts unknown and its exit is refused naming each unknown one', async () => {
  const h = await register({}, ADULTS);
  expect(h.guarantees.food).toMatchObject({ state: 'unknown', met: false, source: 'none' });
  // What the facts say: both insured; no child of compulsory age.
  expect(h.guarantees.basic_medical).toMatchObject({ state: 'met', source: 'derived' });
  expect(h.guarantees.compulsory_education.derived).toEqual({
    state: 'met',
    fact: 'no_compulsory_age_children',
  });
  expect(h.guaranteesUnmet).toEqual(['food', 'clothing', 'housing_safety', 'safe_water']);
  expect(h.guaranteesUnknown).toEqual(h.guaranteesUnmet);
  const res = await step(t, t.tokens.townshipA, h.id, 'exit', { action: 'start', year: 2019 });
  expect(res.status).toBe(422);
  expect(res.body.failedChecks).toEqual([
    'guarantee.food',
    'guarantee.clothing',
    'guarantee.housing_safety',
    'guarantee.safe_water',
  ]);
  const food = res.body.errors.find((e: { field: string }) => e.field === 'guarantees.food');
  expect(food.message).toEqual({
    'zh-CN': '不愁吃：未知（无数据），按未达标处理',
    en: 'No worry about food: unknown (no data), counted as not met',
  });
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect(stored?.status).toBe('in_poverty');
});

test('a C/D housing grade makes housing safety not met though it was typed met; a reason overrides it and the history keeps both', async () => {
  const h = await register(
    { housingGrade: 'C', guarantees: { housing_safety: { met: true } } },
    ADULTS,
  );
  expect(h.guarantees.housing_safety).toMatchObject({
    state: 'not_met',
    source: 'derived',
    derived: { state: 'not_met', fact: 'housing_grade:C' },
    typed: { state: 'met', reason: null, actorId: 'u-county' },
  });
  expect(h.guaranteesUnmet).toContain('housing_safety');

  const url = `/households/${h.id}/guarantees/housing_safety`;
  const noReason = await request(t.app).put(url).set(as(t.tokens.townshipA)).send({ state: 'met' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors[0]).toMatchObject({ field: 'reason' });
  expect(noReason.body.errors[0].message['zh-CN']).toBeTruthy();
  expect(noReason.body.errors[0].message.en).toBeTruthy();
  const short = await request(t.app)
    .put(url)
    .set(as(t.tokens.townshipA))
    .send({ state: 'met', reason: '改' });
  expect(short.status).toBe(400);

  const typed = await request(t.app)
    .put(url)
    .set(as(t.tokens.townshipA))
    .send({ state: 'met', reason: '危房改造已竣工验收' });
  expect(typed.status).toBe(200);
  expect(typed.body.guarantees.housing_safety).toMatchObject({
    state: 'met',
    source: 'typed',
    derived: { state: 'not_met', fact: 'housing_grade:C' },
    typed: { state: 'met', reason: '危房改造已竣工验收', actorName: '漳江街道' },
  });
  expect(typed.body.guaranteesUnmet).not.toContain('housing_safety');

  const history = (await request(t.app).get(`/households/${h.id}/history`).set(as(t.tokens.county)))
    .body as { action: string; reason: string; from: string; to: string; evidence: string[] }[];
  expect(history.at(-1)).toMatchObject({
    action: 'guarantee_overridden',
    reason: '危房改造已竣工验收',
    from: 'not_met(derived)',
    to: 'met(typed)',
    evidence: ['derived:not_met:housing_grade:C'],
  });

  const cleared = await request(t.app)
    .post(`${url}/clear`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '验收材料不全，撤回认定' });
  expect(cleared.status).toBe(200);
  expect(cleared.body.guarantees.housing_safety).toMatchObject({
    state: 'not_met',
    source: 'derived',
    typed: null,
  });

  // The facts change: a B grade is met without anyone typing it.
  const regraded = await request(t.app)
    .put(`/households/${h.id}`)
    .set(as(t.tokens.townshipA))
    .send({ housingGrade: 'B' });
  expect(regraded.body.guarantees.housing_safety).toMatchObject({
    state: 'met',
    derived: { fact: 'housing_grade:B' },
  });
});

async function publish(e: Envelope, topic: string) {
  await t.rt.producer.send({
    topic: t.rt.topic(topic),
    messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
  });
}

test("support's enrollment and dropout events, consumed from Kafka, change compulsory education", async () => {
  // A child born 2015-05-01 is of compulsory age (grade 6 in the 2026 school year).
  const h = await register({}, [
    ...ADULTS,
    { name: '赵小禾', birth: '2015-05-01', sex: 'female', relation: 'daughter' },
  ]);
  const child = h.members.find((m: { name: string }) => m.name === '赵小禾');
  expect(h.guarantees.compulsory_education).toMatchObject({
    state: 'not_met',
    derived: { fact: `member:${child.id}:not_in_school` },
  });
  const stored = await t.registry.models.households.findById(h.id).lean();
  const hash = stored!.members.find((m) => m.id === child.id)!.idNumber.hash;
  const enrolled = createEvent(EnrollmentRecorded, {
    aggregateId: child.id,
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    payload: {
      personId: child.id,
      householdId: h.id,
      idHash: hash,
      areaCode: VILLAGE_A1,
      term: '2026-autumn',
      stage: 'primary',
      status: 'enrolled',
      source: 'import',
    },
  });
  await publish(enrolled, EnrollmentRecorded.topic);
  const read = async () =>
    (await request(t.app).get(`/households/${h.id}`).set(as(t.tokens.county))).body;
  const after = await eventually(
    async () => {
      const body = await read();
      expect(body.guarantees.compulsory_education).toMatchObject({
        state: 'met',
        derived: { fact: 'support:enrollment' },
      });
      return body;
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  // The same event again changes nothing (idempotent consumer).
  await publish(enrolled, EnrollmentRecorded.topic);

  const opened = createEvent(DropoutCaseOpened, {
    aggregateId: 'case-1',
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    payload: {
      dropoutCase: {
        id: `case-${h.id}`,
        personId: child.id,
        householdId: h.id,
        idHash: hash,
        areaCode: VILLAGE_A1,
        schoolYear: 2026,
        term: '2026-autumn',
        expectedStage: 'primary',
        expectedGrade: 6,
        status: 'open',
        ownerName: null,
        closeReason: null,
        openedAt: new Date().toISOString(),
        closedAt: null,
      },
    },
  });
  await publish(opened, DropoutCaseOpened.topic);
  const dropped = await eventually(
    async () => {
      const body = await read();
      expect(body.guarantees.compulsory_education).toMatchObject({
        state: 'not_met',
        derived: { fact: `member:${child.id}:dropout_case_open` },
      });
      return body;
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  expect(dropped.revision).toBe(after.revision + 1);
  const history = (await request(t.app).get(`/households/${h.id}/history`).set(as(t.tokens.county)))
    .body as { action: string; changed: string[] }[];
  expect(history.filter((e) => e.action === 'support_facts_recorded')).toHaveLength(2);
  expect(history.at(-1)!.changed).toEqual(['supportFacts', 'guarantees.compulsory_education']);
});

test('the statistic counts households with every guarantee met by township, unknown as not met', async () => {
  const res = await request(t.app).get('/statistics/guarantees').set(as(t.tokens.county));
  expect(res.status).toBe(200);
  const township = res.body.byArea.find((a: { areaCode: string }) => a.areaCode === '431121101000');
  expect(township.households).toBe(3);
  // None of the three has every guarantee met: food and clothing were never stated.
  expect(township.allMet).toBe(0);
  expect(township.withUnknown).toBe(3);
  const food = township.byGuarantee.find((g: { code: string }) => g.code === 'food');
  expect(food).toEqual({ code: 'food', notMet: 0, unknown: 3 });
});

test("safe water follows the village's tap water item once the village record has it", async () => {
  const village = await request(t.app).get(`/villages/${VILLAGE_A2}`).set(as(t.tokens.county));
  const item = (inPlace: boolean) => ({ inPlace });
  const put = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({
      revision: village.body.revision,
      infrastructure: {
        roadHardening: item(true),
        tapWater: item(true),
        electricity: item(true),
        broadband: item(true),
        clinic: item(true),
        activityRoom: item(true),
      },
    });
  expect(put.status).toBe(200);
  const h = await register({ areaCode: VILLAGE_A2 }, ADULTS);
  expect(h.guarantees.safe_water).toMatchObject({
    state: 'met',
    source: 'derived',
    derived: { fact: 'village:safe_water' },
  });
  // A change to a member (no village look-up) keeps what the village said.
  const member = h.members[0];
  const changed = await request(t.app)
    .put(`/households/${h.id}/members/${member.id}`)
    .set(as(t.tokens.county))
    .send({ health: 'healthy' });
  expect(changed.status).toBe(200);
  expect(changed.body.guarantees.safe_water.state).toBe('met');
});
