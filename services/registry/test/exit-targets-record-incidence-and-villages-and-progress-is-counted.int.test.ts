import request from 'supertest';
import {
  COUNTY,
  startRegistry,
  testClock,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';
import { as, registerHousehold, seedAreas } from './fixtures/villages';

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await seedAreas(t);
  // Still poor: A1 2 people, A2 3 people, B1 1 person; exited in 2025: one household of 4 in B1.
  await registerHousehold(t, { village: VILLAGE_A1, status: 'in_poverty', size: 2 });
  await registerHousehold(t, { village: VILLAGE_A2, status: 'in_poverty', size: 3 });
  await registerHousehold(t, { village: VILLAGE_B1, status: 'in_poverty', size: 1 });
  await registerHousehold(t, { village: VILLAGE_B1, status: 'exited', size: 4, exitYear: 2025 });
  for (const [code, ruralPopulation] of [
    [VILLAGE_A1, 200],
    [VILLAGE_A2, 100],
    [VILLAGE_B1, 100],
  ] as const) {
    await request(t.app)
      .put(`/villages/${code}`)
      .set(as(t.tokens.county))
      .send({ poorVillage: true, ruralPopulation })
      .expect(200);
  }
});
afterAll(async () => {
  await t.close();
});

test('a county target for incidence and villages is kept and the progress against it is counted', async () => {
  const outside = await request(t.app)
    .put(`/exit-targets/${TOWNSHIP_A}/2025`)
    .set(as(t.tokens.county))
    .send({ households: 1, villageCodes: [VILLAGE_B1] });
  expect({ status: outside.status, code: outside.body.code }).toEqual({
    status: 422,
    code: 'REGISTRY_EXIT_TARGET_INVALID',
  });

  const set = await request(t.app)
    .put(`/exit-targets/${COUNTY}/2025`)
    .set(as(t.tokens.county))
    .send({
      households: 2,
      incidencePercent: 1.5,
      villages: 2,
      villageCodes: [VILLAGE_B1, VILLAGE_A1],
    });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({
    incidencePercent: 1.5,
    villages: 2,
    villageCodes: [VILLAGE_A1, VILLAGE_B1],
  });
  // Households and people only (an older client) keep the incidence and villages set.
  const kept = await request(t.app)
    .put(`/exit-targets/${COUNTY}/2025`)
    .set(as(t.tokens.county))
    .send({ households: 3 });
  expect(kept.body).toMatchObject({
    households: 3,
    incidencePercent: 1.5,
    villages: 2,
    revision: 2,
  });

  // B1 exited in 2025 (recorded with its approval document).
  const recorded = await request(t.app)
    .post(`/villages/${VILLAGE_B1}/exit/record`)
    .set(as(t.tokens.county))
    .send({ year: 2025, reason: '2025年县级审定退出', evidence: ['县政府〔2025〕12号'] });
  expect(recorded.status).toBe(201);
  expect(recorded.body).toMatchObject({ exited: true, exitYear: 2025 });
  const thisYear = await request(t.app)
    .post(`/villages/${VILLAGE_A2}/exit/record`)
    .set(as(t.tokens.county))
    .send({ year: 2026, reason: '本年', evidence: ['x'] });
  expect(thisYear.body.code).toBe('REGISTRY_VILLAGE_EXIT_RECORD_PAST_ONLY');

  const progress = await request(t.app)
    .get('/statistics/exit-progress')
    .query({ year: 2025 })
    .set(as(t.tokens.county));
  expect(progress.status).toBe(200);
  // 6 people still poor of 400: 1.5%, at the target.
  expect(progress.body).toEqual({
    areaCode: COUNTY,
    year: 2025,
    incidence: { percent: 1.5, targetPercent: 1.5, met: true },
    villages: {
      poorVillages: 3,
      notExited: 2,
      exitedInYear: 1,
      target: 2,
      met: false,
      named: [
        { code: VILLAGE_A1, name: '桃花源村', exited: false, exitYear: null, exitStage: null },
        { code: VILLAGE_B1, name: '陬市村', exited: true, exitYear: 2025, exitStage: null },
      ],
    },
    households: { exited: 1, target: 3, met: false },
  });

  // A township sees its own figures, and no county target.
  const township = await request(t.app)
    .get('/statistics/exit-progress')
    .query({ year: 2025 })
    .set(as(t.tokens.townshipA));
  expect(township.body).toMatchObject({
    areaCode: TOWNSHIP_A,
    incidence: { percent: 1.67, targetPercent: null, met: null },
    villages: { poorVillages: 2, exitedInYear: 0, target: null, met: null },
  });
});
