import { eventually, walkAsAnotherTownship } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from './fixtures/support';

const TERM = '2018-autumn';

let t: TestSupport;
const ids: Record<string, string> = {};

const created = async (res: request.Response, status = 201) => {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return (res.body as { id: string }).id;
};

beforeAll(async () => {
  t = await startSupport();
  const h = t.household(VILLAGE_A1, [
    { name: '甲父', birthDate: '1975-03-03' },
    { name: '甲一', birthDate: '2010-05-05' },
    { name: '甲二', birthDate: '2011-06-06' },
  ]);
  await t.seed([h]);
  const [father, pupil, missing] = h.members.map((m) => m.id) as [string, string, string];
  const county = as(t.tokens.county);
  const post = (path: string, body: object) => request(t.app).post(path).set(county).send(body);

  const student = await created(
    await post('/education/students', {
      personId: pupil,
      school: '漳江小学',
      stage: 'primary',
      grade: 3,
    }),
  );
  await created(
    await request(t.app)
      .put(`/education/students/${student}/enrollments/${TERM}`)
      .set(county)
      .send({ status: 'enrolled' }),
    200,
  );
  const payment = await created(
    await post('/education/subsidy-payments', {
      studentId: student,
      type: 'national_grant',
      term: TERM,
      amountFen: 100_000,
      paidOn: '2018-10-08',
      department: '县教育局',
    }),
  );
  expect((await post('/education/dropout-cases/scan', { term: TERM })).status).toBe(200);
  const dropout = (
    await request(t.app)
      .get('/education/dropout-cases')
      .query({ filter: JSON.stringify({ personId: missing }) })
      .set(county)
  ).body[0].id as string;
  const episode = await created(
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
  );
  const contract = await created(
    await post('/health/chronic-care-contracts', {
      personId: father,
      disease: '高血压',
      doctor: '李医生',
      signedOn: '2018-01-05',
    }),
  );
  const illness = await created(
    await post('/health/serious-illness-cases', {
      personId: father,
      disease: '尿毒症',
      includedOn: '2018-01-15',
    }),
  );
  const upload = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM, fileName: '学籍.csv' })
    .set(as(t.tokens.townshipA))
    .set('content-type', 'text/csv')
    .send(
      `身份证号,姓名,学校,学段,年级,学籍状态\n${h.members[1]!.idNumber},甲一,漳江小学,小学,3,在读\n`,
    );
  const job = await created(upload, 202);
  await eventually(
    async () => {
      const r = await request(t.app).get(`/imports/${job}`).set(as(t.tokens.townshipA));
      expect(r.body.status).toBe('completed');
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  Object.assign(ids, {
    '/persons/{id}': father,
    '/dossier/households/{id}': h.id,
    '/education/students/{id}': student,
    // A path's own id names every parameter of it: the enrollment's two come by name.
    id: student,
    term: TERM,
    '/education/subsidy-payments/{id}/void': payment,
    '/education/dropout-cases/{id}': dropout,
    '/education/dropout-cases/{id}/close': dropout,
    '/education/dropout-cases/{id}/follow-ups': dropout,
    '/education/dropout-cases/{id}/owner': dropout,
    '/health/inpatient-episodes/{id}': episode,
    '/health/inpatient-episodes/{id}/top-up-payments': episode,
    '/health/chronic-care-contracts/{id}': contract,
    '/health/serious-illness-cases/{id}': illness,
    '/imports/{id}': job,
    '/imports/{id}/rows': job,
    '/imports/{id}/report.xlsx': job,
  });
}, 240_000);
afterAll(async () => {
  await t.close();
});

test("every documented operation refuses another township's user township A's records", async () => {
  const token = await t.issuer.sign({
    sub: 'u-town-b',
    name: '乙镇',
    area: TOWNSHIP_B,
    rights: { support: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token,
    townshipA: TOWNSHIP_A,
    ids,
    bodies: {
      'PUT /education/students/{id}': { school: '陬市小学' },
      'PUT /education/students/{id}/enrollments/{term}': { status: 'enrolled' },
      'POST /education/subsidy-payments/{id}/void': { reason: '重复发放' },
      'PUT /education/dropout-cases/{id}/owner': { name: '乙村长' },
      'POST /education/dropout-cases/{id}/follow-ups': { on: '2018-09-05', note: '入户动员' },
      'POST /education/dropout-cases/{id}/close': {
        reason: 'returned_to_school',
        note: '已入学',
        school: '漳江小学',
      },
      'PUT /health/inpatient-episodes/{id}': {
        hospital: '县人民医院',
        admittedOn: '2018-01-10',
        totalCostFen: 1_000_000,
        basicInsuranceFen: 650_000,
        seriousIllnessInsuranceFen: 150_000,
        medicalAssistanceFen: 50_000,
      },
      'POST /health/inpatient-episodes/{id}/top-up-payments': {
        amountFen: 1,
        paidOn: '2018-02-01',
        department: '县医保局',
      },
      'PUT /health/chronic-care-contracts/{id}': { endedOn: '2018-12-31' },
      'PUT /health/serious-illness-cases/{id}': { closedOn: '2018-12-31' },
    },
    exempt: {
      '/projection/status': "the projection's progress, no household in it",
      '/reference': "the county's reference data (areas, stages, subsidy types), no person in it",
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(20);
}, 120_000);
