import { dossierPartSchema, type DossierPart, type SupportApi } from '@fupin/contracts';
import { viewMeterOf, type ViewFreshness } from '@fupin/kit';
import { explainListEndpoints, listCalls } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  COUNTY,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

type Sections = SupportApi.components['schemas']['SupportDossierSections'];

const TERM = '2018-autumn';
// The service's clock: the autumn term of 2018 (Asia/Shanghai 10:00), moved on by the test.
let clock = new Date('2018-09-20T02:00:00Z');

let t: TestSupport;
let h: SeededHousehold;
let other: SeededHousehold;
const ids: Record<string, string> = {};

const ok = async (res: request.Response, status = 201) => {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as { id: string };
};

const part = (token: string, id = h.id) =>
  request(t.app).get(`/dossier/households/${id}`).set(as(token));

/** The view of the registry measured as `behind` events behind. */
const lagging = (behind: number): ViewFreshness => ({
  projection: 'registry-households',
  behind,
  registryPosition: 100,
  appliedPosition: 100 - behind,
  registryPending: null,
  registryPeople: null,
  registryHouseholds: null,
  lastAppliedAt: null,
  measuredAt: new Date(),
  upToDate: behind === 0,
});

beforeAll(async () => {
  t = await startSupport({ now: () => clock });
  h = t.household(VILLAGE_A1, [
    { name: '甲父', birthDate: '1975-03-03' },
    { name: '甲母', birthDate: '1978-04-04', sex: 'female' },
    { name: '甲高', birthDate: '2002-02-02', inSchool: true, schoolStage: 'senior_secondary' },
    { name: '甲幼', birthDate: '2009-07-07' },
    { name: '甲子', birthDate: '2010-05-05', inSchool: true, schoolStage: 'primary' },
    { name: '甲女', birthDate: '2011-06-06', sex: 'female' },
  ]);
  other = t.household(VILLAGE_B1, [{ name: '乙父', birthDate: '1960-01-01' }]);
  await t.seed([h, other]);
  const [father, mother, senior, young, pupil, daughter] = h.members.map((m) => m.id);
  const county = as(t.tokens.county);
  const post = (path: string, body: object) => request(t.app).post(path).set(county).send(body);
  const put = (path: string, body: object) => request(t.app).put(path).set(county).send(body);

  // 教育: two students enrolled, subsidies paid (one voided), two children out of school.
  ids.pupil = (
    await ok(
      await post('/education/students', {
        personId: pupil,
        school: '漳江小学',
        stage: 'primary',
        grade: 2,
      }),
    )
  ).id;
  ids.senior = (
    await ok(
      await post('/education/students', {
        personId: senior,
        school: '县一中',
        stage: 'senior_secondary',
        grade: 2,
      }),
    )
  ).id;
  await ok(
    await put(`/education/students/${ids.pupil}/enrollments/2018-spring`, { status: 'enrolled' }),
    200,
  );
  await ok(
    await put(`/education/students/${ids.pupil}/enrollments/${TERM}`, {
      status: 'enrolled',
      grade: 3,
    }),
    200,
  );
  await ok(
    await put(`/education/students/${ids.senior}/enrollments/${TERM}`, { status: 'enrolled' }),
    200,
  );
  const pay = (studentId: string, type: string, amountFen: number, paidOn: string) =>
    post('/education/subsidy-payments', {
      studentId,
      type,
      term: TERM,
      amountFen,
      paidOn,
      department: '县教育局',
    });
  ids.grant = (await ok(await pay(ids.pupil, 'national_grant', 100_000, '2018-10-08'))).id;
  ids.waiver = (await ok(await pay(ids.senior, 'tuition_waiver', 95_000, '2018-09-30'))).id;
  ids.lunch = (await ok(await pay(ids.pupil, 'nutritious_lunch', 40_000, '2018-09-25'))).id;
  await ok(
    await post(`/education/subsidy-payments/${ids.lunch}/void`, { reason: '重复发放' }),
    200,
  );
  expect((await post('/education/dropout-cases/scan', { term: TERM })).status).toBe(200);
  const cases = (
    await request(t.app)
      .get('/education/dropout-cases')
      .query({ filter: JSON.stringify({ q: '甲' }) })
      .set(county)
  ).body as { id: string; personId: string }[];
  ids.daughterCase = cases.find((c) => c.personId === daughter)!.id;
  ids.youngCase = cases.find((c) => c.personId === young)!.id;
  await ok(
    await put(`/education/dropout-cases/${ids.daughterCase}/owner`, {
      name: '甲村主任',
      unit: '甲村委',
    }),
    200,
  );
  await ok(
    await post(`/education/dropout-cases/${ids.daughterCase}/follow-ups`, {
      on: '2018-09-28',
      note: '入户劝返',
    }),
  );
  clock = new Date('2018-10-12T02:00:00Z');
  await ok(
    await post(`/education/dropout-cases/${ids.daughterCase}/close`, {
      reason: 'returned_to_school',
      note: '已劝返复学',
      school: '漳江小学',
    }),
    200,
  );

  // 健康: insurance of 2018, a stay topped up in part, a contract and a relief case.
  const insure = (personId: string, kind: string, enrolled: boolean) =>
    post('/health/insurance', { personId, year: 2018, kind, enrolled });
  await ok(await insure(father!, 'basic_medical', true), 200);
  await ok(await insure(father!, 'pension', true), 200);
  await ok(await insure(mother!, 'basic_medical', false), 200);
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
  ids.contract = (
    await ok(
      await post('/health/chronic-care-contracts', {
        personId: father,
        disease: '高血压',
        doctor: '李医生',
        signedOn: '2018-01-05',
      }),
    )
  ).id;
  ids.illness = (
    await ok(
      await post('/health/serious-illness-cases', {
        personId: father,
        disease: '尿毒症',
        includedOn: '2018-01-15',
      }),
    )
  ).id;
  // Another household's stay: never in this household's part.
  await ok(
    await post('/health/inpatient-episodes', {
      personId: other.members[0]!.id,
      hospital: '乙镇卫生院',
      admittedOn: '2018-03-03',
      totalCostFen: 100_000,
      basicInsuranceFen: 90_000,
      seriousIllnessInsuranceFen: 0,
      medicalAssistanceFen: 0,
    }),
  );
}, 240_000);
afterAll(async () => {
  await t.close();
});

test("When a township user reads its household's part, then every section and a newest-first timeline are there", async () => {
  const res = await part(t.tokens.townshipA);
  expect(res.status).toBe(200);
  const p: DossierPart = dossierPartSchema.parse(res.body);
  expect(p).toMatchObject({ part: 'support', householdId: h.id, generatedAt: clock.toISOString() });
  // The sections as the OpenAPI document describes them (all present for a township user).
  const s = p.sections as Required<Sections>;
  const [father, mother, senior, young, pupil, daughter] = h.members.map((m) => m.id);

  expect(s.students.currentTerm).toBe(TERM);
  expect(s.students.items).toEqual([
    expect.objectContaining({
      studentId: ids.senior,
      personId: senior,
      name: '甲高',
      stage: 'senior_secondary',
      school: '县一中',
      terms: [
        expect.objectContaining({ term: TERM, status: 'enrolled', grade: 2 }),
        expect.objectContaining({ term: '2018-spring', status: null }),
      ],
    }),
    expect.objectContaining({
      studentId: ids.pupil,
      personId: pupil,
      stage: 'primary',
      grade: 3,
      terms: [
        expect.objectContaining({ term: TERM, status: 'enrolled', grade: 3, school: '漳江小学' }),
        expect.objectContaining({ term: '2018-spring', status: 'enrolled', grade: 2 }),
      ],
    }),
  ]);

  expect(s.subsidies.items.map((x) => [x.id, x.type, x.amountFen, x.paidOn, x.voided])).toEqual([
    [ids.grant, 'national_grant', 100_000, '2018-10-08', false],
    [ids.waiver, 'tuition_waiver', 95_000, '2018-09-30', false],
    [ids.lunch, 'nutritious_lunch', 40_000, '2018-09-25', true],
  ]);
  expect(s.subsidies.totals).toEqual({
    byYear: [
      { year: 2018, type: 'national_grant', payments: 1, amountFen: 100_000 },
      { year: 2018, type: 'tuition_waiver', payments: 1, amountFen: 95_000 },
    ],
    payments: 2,
    amountFen: 195_000,
  });

  expect(s.dropoutCases.open).toBe(1);
  expect(s.dropoutCases.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: ids.daughterCase,
        personId: daughter,
        status: 'closed',
        owner: { name: '甲村主任', unit: '甲村委' },
        followUps: 1,
        lastFollowUp: { on: '2018-09-28', note: '入户劝返' },
        openedAt: '2018-09-20T02:00:00.000Z',
        closedAt: '2018-10-12T02:00:00.000Z',
        closeReason: 'returned_to_school',
        returnedTo: '漳江小学',
      }),
      expect.objectContaining({
        id: ids.youngCase,
        personId: young,
        status: 'open',
        closedAt: null,
      }),
    ]),
  );

  expect(s.insurance.years).toEqual([2018]);
  const insured = (id: string) => s.insurance.items.find((m) => m.personId === id)!.years[0];
  expect(insured(father!)).toEqual({
    year: 2018,
    basic_medical: 'enrolled',
    serious_illness: 'not_recorded',
    pension: 'enrolled',
  });
  expect(insured(mother!)).toMatchObject({
    basic_medical: 'not_enrolled',
    pension: 'not_recorded',
  });
  expect(insured(pupil!)).toMatchObject({ basic_medical: 'not_recorded', pension: 'not_eligible' });
  expect(s.insurance.gaps.map((g) => `${g.name} ${g.kind}`).sort()).toEqual(
    [
      '甲母 basic_medical',
      '甲母 pension',
      '甲高 basic_medical',
      '甲幼 basic_medical',
      '甲子 basic_medical',
      '甲女 basic_medical',
    ].sort(),
  );

  expect(s.inpatient.items).toEqual([
    expect.objectContaining({
      id: ids.episode,
      personId: father,
      hospital: '县人民医院',
      admittedOn: '2018-01-10',
      totalCostFen: 1_000_000,
      reimbursedFen: 850_000,
      ratioBasisPoints: 8500,
      topUpFen: 50_000,
      topUpPaidFen: 20_000,
      topUpOutstandingFen: 30_000,
      topUpStatus: 'partly_paid',
      outOfPocketFen: 130_000,
      topUpPayments: [
        expect.objectContaining({
          amountFen: 20_000,
          paidOn: '2018-02-10',
          department: '县医保局',
        }),
      ],
    }),
  ]);
  expect(s.inpatient.totals).toMatchObject({
    episodes: 1,
    totalCostFen: 1_000_000,
    topUpOutstandingFen: 30_000,
  });
  expect(s.chronicCare.items).toEqual([
    expect.objectContaining({
      id: ids.contract,
      personId: father,
      disease: '高血压',
      status: 'active',
    }),
  ]);
  expect(s.seriousIllness.items).toEqual([
    expect.objectContaining({
      id: ids.illness,
      personId: father,
      disease: '尿毒症',
      includedOn: '2018-01-15',
    }),
  ]);
  const { withheld, ...listed } = s;
  for (const section of Object.values(listed)) expect(section.omitted).toBe(0);
  expect(Object.keys(listed)).toHaveLength(7);
  expect(withheld).toBeUndefined();

  expect(p.timeline.map((e) => [e.at, e.kind])).toEqual([
    ['2018-10-12T02:00:00.000Z', 'dropout_case_closed'],
    ['2018-10-08T00:00:00+08:00', 'subsidy_paid'],
    ['2018-09-30T00:00:00+08:00', 'subsidy_paid'],
    ['2018-09-20T02:00:00.000Z', 'dropout_case_opened'],
    ['2018-09-20T02:00:00.000Z', 'dropout_case_opened'],
    ['2018-09-01T00:00:00+08:00', 'enrollment'],
    ['2018-09-01T00:00:00+08:00', 'enrollment'],
    ['2018-02-10T00:00:00+08:00', 'top_up_paid'],
    ['2018-02-01T00:00:00+08:00', 'enrollment'],
    ['2018-01-15T00:00:00+08:00', 'serious_illness_included'],
    ['2018-01-10T00:00:00+08:00', 'inpatient_stay'],
    ['2018-01-05T00:00:00+08:00', 'chronic_care_signed'],
  ]);
  expect(p.timeline[0]).toMatchObject({
    label: { 'zh-CN': '甲女 控辍保学销号：已劝返复学' },
    ref: { resource: 'support-dropout-cases', id: ids.daughterCase },
  });
});

test('When the county reads it, then it is the same part; no ID number or its hash is in it', async () => {
  const [township, county] = await Promise.all([part(t.tokens.townshipA), part(t.tokens.county)]);
  expect(county.status).toBe(200);
  const { generatedAt: _a, ...a } = dossierPartSchema.parse(township.body);
  const { generatedAt: _b, ...b } = dossierPartSchema.parse(county.body);
  expect(b).toEqual(a);
  const text = JSON.stringify(county.body);
  for (const m of h.members) {
    expect(text).not.toContain(m.idNumber);
    expect(text).not.toContain(m.idHash);
  }
  expect(text).not.toContain('乙父');
  expect(text).not.toContain('乙镇卫生院');
});

test('When department staff read it, then they get their own half and are told what was left out', async () => {
  const education = dossierPartSchema.parse((await part(t.tokens.education)).body);
  expect(Object.keys(education.sections).sort()).toEqual([
    'dropoutCases',
    'students',
    'subsidies',
    'withheld',
  ]);
  expect(education.sections.withheld).toEqual([
    expect.objectContaining({
      sections: ['insurance', 'inpatient', 'chronicCare', 'seriousIllness'],
    }),
  ]);
  expect(education.timeline.some((e) => e.kind === 'inpatient_stay')).toBe(false);

  const health = dossierPartSchema.parse((await part(t.tokens.health)).body);
  expect(Object.keys(health.sections).sort()).toEqual([
    'chronicCare',
    'inpatient',
    'insurance',
    'seriousIllness',
    'withheld',
  ]);
  expect(health.timeline.some((e) => e.kind === 'enrollment')).toBe(false);
});

test("When another township's user, or anyone for an unknown household, asks, then 404; without the read right 403", async () => {
  const b = await part(t.tokens.townshipB);
  expect(b.status).toBe(404);
  expect(b.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(b.body).toMatchObject({ code: 'SUPPORT_HOUSEHOLD_NOT_FOUND' });
  expect(JSON.stringify(b.body)).not.toContain('甲');

  expect((await part(t.tokens.county, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

  const none = await t.issuer.sign({ sub: 'u-none', area: COUNTY, rights: { registry: ['read'] } });
  const refused = await part(none);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
});

test('When the view of the registry lags, then the part says how far behind it is', async () => {
  // Current: no `behind` at all.
  expect((await part(t.tokens.townshipA)).body).not.toHaveProperty('behind');
  // Kafka cannot be held behind on demand: the view's meter answers 3 events behind, once.
  const meter = viewMeterOf(t.rt, 'registry-households');
  expect(meter).toBeDefined();
  const measure = jest.spyOn(meter!, 'measure').mockResolvedValueOnce(lagging(3));
  try {
    const p = dossierPartSchema.parse((await part(t.tokens.townshipA)).body);
    expect(p.behind).toMatchObject({ events: 3, message: { en: expect.stringContaining('3') } });
  } finally {
    measure.mockRestore();
  }
});

test('When the part is read, then every read goes through an index and sorts at most its bound', async () => {
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc: { paths: {} },
    walks: [
      {
        path: '/dossier/households/{id}',
        url: `/dossier/households/${h.id}`,
        calls: listCalls({ county: t.tokens.county, township: t.tokens.townshipA }),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThanOrEqual(20);
});
