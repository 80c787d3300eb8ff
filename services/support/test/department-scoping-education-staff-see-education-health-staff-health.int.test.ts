import request from 'supertest';
import { as, startSupport, type TestSupport, VILLAGE_A1 } from './fixtures/support';

let t: TestSupport;
let personId: string;
beforeAll(async () => {
  t = await startSupport();
  const h = t.household(VILLAGE_A1, [{ name: '冯一', birthDate: '1970-01-01' }]);
  await t.seed([h]);
  personId = h.members[0]!.id;
  await request(t.app)
    .post('/health/insurance')
    .set(as(t.tokens.health))
    .send({ personId, year: 2018, kind: 'basic_medical', enrolled: true });
});
afterAll(async () => {
  await t.close();
});

const EDUCATION = [
  '/education/students',
  '/education/dropout-cases',
  '/education/subsidy-totals',
  '/statistics/education',
  '/exports/students.xlsx',
];
const HEALTH = [
  '/health/coverage',
  '/health/inpatient-episodes',
  '/health/insurance',
  '/statistics/health',
  '/exports/inpatient-episodes.xlsx',
];

async function statuses(token: string, paths: string[]) {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const res = await request(t.app).get(p).set(as(token));
    out[p] = res.status === 200 ? 'ok' : `${res.status} ${res.body.code}`;
  }
  return out;
}
const all = (paths: string[], v: string) => Object.fromEntries(paths.map((p) => [p, v]));

test('education staff see the education half only', async () => {
  expect(await statuses(t.tokens.education, EDUCATION)).toEqual(all(EDUCATION, 'ok'));
  expect(await statuses(t.tokens.education, HEALTH)).toEqual(
    all(HEALTH, '403 FORBIDDEN_DEPARTMENT'),
  );
  const write = await request(t.app)
    .post('/health/insurance')
    .set(as(t.tokens.education))
    .send({ personId, year: 2018, kind: 'pension', enrolled: true });
  expect({ status: write.status, code: write.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_DEPARTMENT',
  });
  const upload = await request(t.app)
    .post('/imports/health-insurance')
    .query({ year: 2018 })
    .set(as(t.tokens.education))
    .set('content-type', 'text/csv')
    .send('身份证号\n');
  expect(upload.status).toBe(403);
});

test('health staff see the health half only', async () => {
  expect(await statuses(t.tokens.health, HEALTH)).toEqual(all(HEALTH, 'ok'));
  expect(await statuses(t.tokens.health, EDUCATION)).toEqual(
    all(EDUCATION, '403 FORBIDDEN_DEPARTMENT'),
  );
});

test('users without a department (poverty office, townships) see both; other departments neither', async () => {
  expect(await statuses(t.tokens.county, [...EDUCATION, ...HEALTH])).toEqual(
    all([...EDUCATION, ...HEALTH], 'ok'),
  );
  expect(
    await statuses(
      t.tokens.civil,
      [...EDUCATION, ...HEALTH].filter((p) => !p.startsWith('/exports')),
    ),
  ).toEqual(
    all(
      [...EDUCATION, ...HEALTH].filter((p) => !p.startsWith('/exports')),
      '403 FORBIDDEN_DEPARTMENT',
    ),
  );
});

test('people are shared, but their health facts are shown to the health half only', async () => {
  const forEducation = await request(t.app).get(`/persons/${personId}`).set(as(t.tokens.education));
  expect(forEducation.status).toBe(200);
  expect(forEducation.body).not.toHaveProperty('insurance');
  const forHealth = await request(t.app).get(`/persons/${personId}`).set(as(t.tokens.health));
  expect(forHealth.body.insurance['2018'].basic_medical).toMatchObject({
    enrolled: true,
    source: 'manual',
  });
});

test('a right the caller lacks is refused before the department is considered', async () => {
  const res = await request(t.app)
    .post('/education/dropout-cases/scan')
    .set(as(t.tokens.readerOnly))
    .send({});
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });
});
