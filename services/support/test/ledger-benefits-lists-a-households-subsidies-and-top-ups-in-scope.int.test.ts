import { benefitRowSchema } from '@fupin/contracts';
import request from 'supertest';
import {
  as,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

// 受益底册: the support rows of a household built as its dossier test builds it — subsidies paid
// to two students (one voided), a stay topped up to 90% in part — and of another township's.

let clock = new Date('2018-09-20T02:00:00Z');
let t: TestSupport;
let h: SeededHousehold;
let other: SeededHousehold;
const ids: Record<string, string> = {};

const ok = async (res: request.Response, status = 201) => {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as { id: string };
};

const ledgerOf = (token: string, query: string, range = '[0,499]') =>
  request(t.app)
    .get(`/ledger/benefits?${query}&range=${encodeURIComponent(range)}`)
    .set(as(token));

beforeAll(async () => {
  t = await startSupport({ now: () => clock });
  h = t.household(VILLAGE_A1, [
    { name: '甲父', birthDate: '1975-03-03' },
    { name: '甲高', birthDate: '2002-02-02', inSchool: true, schoolStage: 'senior_secondary' },
    { name: '甲子', birthDate: '2010-05-05', inSchool: true, schoolStage: 'primary' },
  ]);
  other = t.household(VILLAGE_B1, [{ name: '乙父', birthDate: '1960-01-01' }]);
  await t.seed([h, other]);
  const [father, senior, pupil] = h.members.map((m) => m.id);
  ids.father = father!;
  ids.seniorMember = senior!;
  ids.pupilMember = pupil!;
  const county = as(t.tokens.county);
  const post = (path: string, body: object) => request(t.app).post(path).set(county).send(body);

  const student = async (personId: string, school: string, stage: string) =>
    (await ok(await post('/education/students', { personId, school, stage, grade: 2 }))).id;
  ids.pupil = await student(pupil!, '漳江小学', 'primary');
  ids.senior = await student(senior!, '县一中', 'senior_secondary');
  const enrol = async (studentId: string, term: string) =>
    ok(
      await request(t.app)
        .put(`/education/students/${studentId}/enrollments/${term}`)
        .set(county)
        .send({ status: 'enrolled' }),
      200,
    );
  await enrol(ids.pupil, '2018-autumn');
  await enrol(ids.senior, '2018-autumn');
  const pay = (studentId: string, type: string, amountFen: number, paidOn: string, term: string) =>
    post('/education/subsidy-payments', {
      studentId,
      type,
      term,
      amountFen,
      paidOn,
      department: '县教育局',
    });
  ids.grant = (
    await ok(await pay(ids.pupil, 'national_grant', 100_000, '2018-10-08', '2018-autumn'))
  ).id;
  ids.waiver = (
    await ok(await pay(ids.senior, 'tuition_waiver', 95_000, '2018-09-30', '2018-autumn'))
  ).id;
  clock = new Date('2019-03-01T02:00:00Z');
  await enrol(ids.senior, '2019-spring');
  ids.rainDew = (
    await ok(await pay(ids.senior, 'rain_dew_plan', 150_000, '2019-03-10', '2019-spring'))
  ).id;
  ids.lunch = (
    await ok(await pay(ids.pupil, 'nutritious_lunch', 40_000, '2018-09-25', '2018-autumn'))
  ).id;
  await ok(
    await post(`/education/subsidy-payments/${ids.lunch}/void`, { reason: '重复发放' }),
    200,
  );

  // A stay of 10,000 yuan reimbursed 85%: 500 yuan owed to reach 90%, 200 of it paid.
  ids.episode = (
    await ok(
      await post('/health/inpatient-episodes', {
        personId: father,
        hospital: '县人民医院',
        admittedOn: '2018-01-10',
        dischargedOn: '2018-01-20',
        totalCostFen: 1_000_000,
        basicInsuranceFen: 650_000,
        seriousIllnessInsuranceFen: 150_000,
        medicalAssistanceFen: 50_000,
      }),
    )
  ).id;
  await ok(
    await post(`/health/inpatient-episodes/${ids.episode}/top-up-payments`, {
      amountFen: 20_000,
      paidOn: '2018-02-10',
      department: '县医保局',
    }),
  );
  // Another township's stay, its top-up still owed.
  ids.otherEpisode = (
    await ok(
      await post('/health/inpatient-episodes', {
        personId: other.members[0]!.id,
        hospital: '乙镇卫生院',
        admittedOn: '2018-03-03',
        dischargedOn: '2018-03-08',
        totalCostFen: 200_000,
        basicInsuranceFen: 160_000,
        seriousIllnessInsuranceFen: 0,
        medicalAssistanceFen: 0,
      }),
    )
  ).id;
  clock = new Date('2019-03-20T02:00:00Z');
}, 120_000);
afterAll(async () => {
  await t.close();
});

test("a household's rows: subsidies paid (not the voided one) and the top-up paid and still owed", async () => {
  const res = await ledgerOf(t.tokens.townshipA, `householdId=${h.id}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toBe('benefits 0-4/5');
  const rows = (res.body as unknown[]).map((r) => benefitRowSchema.parse(r));
  expect(rows.map((r) => [r.kind, r.year, r.on, r.amountFen, r.status, r.memberId])).toEqual([
    ['medical_top_up', 2018, '2018-02-10', 20_000, 'paid', ids.father],
    ['tuition_waiver', 2018, '2018-09-30', 95_000, 'paid', ids.seniorMember],
    ['education_subsidy', 2018, '2018-10-08', 100_000, 'paid', ids.pupilMember],
    ['education_subsidy', 2019, '2019-03-10', 150_000, 'paid', ids.seniorMember],
    // What is still owed of the top-up, only recorded, in the year of the discharge.
    ['medical_top_up', 2018, null, 30_000, 'recorded', ids.father],
  ]);
  expect(
    rows.every(
      (r) => r.source === 'support' && r.householdId === h.id && r.areaCode === VILLAGE_A1,
    ),
  ).toBe(true);
  expect(rows.find((r) => r.id === ids.lunch)).toBeUndefined();
  expect(rows[3]?.label).toEqual({
    'zh-CN': '雨露计划补助 2019年春季学期',
    en: 'Rain-dew plan grant, 2019 spring term',
  });
  expect(rows[1]?.label['zh-CN']).toBe('免学费 2018年秋季学期');
  expect(rows[0]).toMatchObject({
    ref: { resource: 'support-inpatient-episodes', id: ids.episode },
    label: { 'zh-CN': expect.stringContaining('住院费用追补到90% 县人民医院') },
  });
});

test("a township's rows of a year, paged with Content-Range; the county's hold both townships", async () => {
  const res = await ledgerOf(t.tokens.townshipA, `areaCode=${TOWNSHIP_A}&year=2018`);
  const rows = (res.body as unknown[]).map((r) => benefitRowSchema.parse(r));
  expect(rows.map((r) => r.amountFen)).toEqual([20_000, 95_000, 100_000, 30_000]);
  expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(245_000);

  const page = await ledgerOf(t.tokens.townshipA, `areaCode=${VILLAGE_A1}`, '[1,2]');
  expect(page.headers['content-range']).toBe('benefits 1-2/5');
  expect((page.body as { id: string }[]).map((r) => r.id)).toEqual([ids.waiver, ids.grant]);

  const county = await ledgerOf(t.tokens.county, 'year=2018');
  const households = (county.body as { householdId: string }[]).map((r) => r.householdId);
  expect(new Set(households)).toEqual(new Set([h.id, other.id]));
  // Sorted by household first.
  expect(households).toEqual([...households].sort());
});

test('department staff get their own half of the rows', async () => {
  const education = await ledgerOf(t.tokens.education, `householdId=${h.id}`);
  expect((education.body as { kind: string }[]).map((r) => r.kind)).toEqual([
    'tuition_waiver',
    'education_subsidy',
    'education_subsidy',
  ]);
  const health = await ledgerOf(t.tokens.health, `householdId=${h.id}`);
  expect((health.body as { kind: string }[]).every((r) => r.kind === 'medical_top_up')).toBe(true);
});

test('another township gets none of them, a user without the read right is refused', async () => {
  for (const query of [`householdId=${h.id}`, `areaCode=${TOWNSHIP_A}`, `areaCode=${VILLAGE_A1}`]) {
    const res = await ledgerOf(t.tokens.townshipB, query);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  }
  const own = await ledgerOf(t.tokens.townshipB, 'year=2018');
  expect((own.body as { householdId: string }[]).map((r) => r.householdId)).toEqual([other.id]);

  const noRight = await t.issuer.sign({
    sub: 'u-no-support',
    area: VILLAGE_A1,
    rights: { registry: ['read'] },
  });
  const refused = await ledgerOf(noRight, `householdId=${h.id}`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');
});
