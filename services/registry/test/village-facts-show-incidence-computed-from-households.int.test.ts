import { VillageUpdated } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { as, registerHousehold, seedAreas } from './fixtures/villages';
import {
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry();
  await seedAreas(t);
  // Village A1: 2 households (5 people) still in poverty, 1 returned (2), 1 exited (4),
  // 1 marginal (3, monitoring only) and 1 candidate (2, not yet identified).
  await registerHousehold(t, { village: VILLAGE_A1, status: 'in_poverty', size: 3 });
  await registerHousehold(t, { village: VILLAGE_A1, status: 'in_poverty', size: 2 });
  await registerHousehold(t, { village: VILLAGE_A1, status: 'returned', size: 2 });
  await registerHousehold(t, { village: VILLAGE_A1, status: 'exited', size: 4, exitYear: 2018 });
  await registerHousehold(t, { village: VILLAGE_A1, status: 'marginal', size: 3 });
  await registerHousehold(t, { village: VILLAGE_A1, status: 'candidate', size: 2 });
  await registerHousehold(t, { village: VILLAGE_B1, status: 'in_poverty', size: 5 });
});

afterAll(async () => {
  await t.close();
});

test('registered poor households and the poverty incidence are computed from the households', async () => {
  const put = await request(t.app)
    .put(`/villages/${VILLAGE_A1}`)
    .set(as(t.tokens.townshipA))
    .send({
      ruralPopulation: 350,
      totalHouseholds: 98,
      poorVillage: true,
      poorVillageLevel: 'provincial',
      groups: [
        { no: 2, name: '二组' },
        { no: 1, name: '一组' },
      ],
      infrastructure: {
        roadHardening: { inPlace: true },
        tapWater: { inPlace: true, note: '2019年通自来水' },
        electricity: { inPlace: true },
      },
      firstSecretary: { name: '王书记', unit: '县财政局', since: '2018-03-01' },
      workTeam: { unit: '县财政局', leader: '王书记', members: ['李队员', '赵队员'] },
      revision: 0,
    });
  expect(put.status).toBe(200);
  expect(put.body).toMatchObject({
    code: VILLAGE_A1,
    name: '桃花源村',
    townshipCode: TOWNSHIP_A,
    ruralPopulation: 350,
    poorVillage: true,
    poorVillageLevel: 'provincial',
    groups: [
      { no: 1, name: '一组' },
      { no: 2, name: '二组' },
    ],
    // in_poverty 3+2 and returned 2 are still poor; exited 4 is registered too.
    registeredHouseholds: 4,
    registeredPeople: 11,
    stillPoorHouseholds: 3,
    stillPoorPeople: 7,
    // 7 ÷ 350 = 2%
    povertyIncidencePercent: 2,
    missingInfrastructure: ['broadband', 'clinic', 'activityRoom'],
    revision: 1,
  });
  expect(put.body.infrastructure.tapWater).toEqual({ inPlace: true, note: '2019年通自来水' });

  // A household leaving poverty changes the figures with no retyping.
  const [other] = (
    await request(t.app)
      .get('/households')
      .query({ filter: JSON.stringify({ area: VILLAGE_A1, status: 'returned' }) })
      .set(as(t.tokens.county))
  ).body as { id: string }[];
  expect(other).toBeDefined();
  await t.registry.models.households.updateOne({ _id: other!.id }, { $set: { status: 'exited' } });
  const after = await request(t.app).get(`/villages/${VILLAGE_A1}`).set(as(t.tokens.townshipA));
  expect(after.body).toMatchObject({
    registeredHouseholds: 4,
    stillPoorPeople: 5,
    povertyIncidencePercent: 1.43,
  });
});

test('the incidence cannot be typed in, and inconsistent or stale facts are refused', async () => {
  const typed = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({ povertyIncidencePercent: 1.5, registeredHouseholds: 3 });
  expect(typed.status).toBe(400);
  expect(typed.body.code).toBe('VALIDATION_FAILED');

  const inconsistent = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({ poorVillage: false, poorVillageLevel: 'city' });
  expect(inconsistent.status).toBe(422);
  expect(inconsistent.body.code).toBe('REGISTRY_VILLAGE_INVALID');
  expect(inconsistent.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'poorVillageLevel',
  ]);

  const first = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({ ruralPopulation: 200, revision: 0 });
  expect(first.status).toBe(200);
  const stale = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({ ruralPopulation: 210, revision: 0 });
  expect({ status: stale.status, code: stale.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_VILLAGE_STALE',
  });
  const second = await request(t.app)
    .put(`/villages/${VILLAGE_A2}`)
    .set(as(t.tokens.county))
    .send({ ruralPopulation: 210, revision: 1 });
  expect(second.status).toBe(200);
  expect(second.body).toMatchObject({ ruralPopulation: 210, exitYear: null, revision: 2 });

  // A village without households or population shows zeros and no incidence, never a guess.
  const blank = await request(t.app).get(`/villages/${VILLAGE_B1}`).set(as(t.tokens.county));
  expect(blank.body).toMatchObject({
    registeredHouseholds: 1,
    stillPoorPeople: 5,
    ruralPopulation: null,
    povertyIncidencePercent: null,
    revision: 0,
  });
});

test('a township user sees and edits only the villages of its own township', async () => {
  const list = await request(t.app)
    .get('/villages')
    .query({ sort: '["code","ASC"]' })
    .set(as(t.tokens.townshipA));
  expect(list.status).toBe(200);
  expect(list.body.map((v: { code: string }) => v.code)).toEqual([VILLAGE_A1, VILLAGE_A2]);
  expect(list.headers['content-range']).toBe('villages 0-1/2');

  const county = await request(t.app)
    .get('/villages')
    .query({ filter: JSON.stringify({ poorVillage: true }) })
    .set(as(t.tokens.county));
  expect(county.body.map((v: { code: string }) => v.code)).toEqual([VILLAGE_A1]);

  const read = await request(t.app).get(`/villages/${VILLAGE_B1}`).set(as(t.tokens.townshipA));
  expect({ status: read.status, code: read.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  const write = await request(t.app)
    .put(`/villages/${VILLAGE_B1}`)
    .set(as(t.tokens.townshipA))
    .send({ ruralPopulation: 1 });
  expect(write.status).toBe(403);
  const notAVillage = await request(t.app).get(`/villages/${TOWNSHIP_A}`).set(as(t.tokens.county));
  expect({ status: notAVillage.status, code: notAVillage.body.code }).toEqual({
    status: 404,
    code: 'REGISTRY_VILLAGE_NOT_FOUND',
  });
});

test('recorded village facts are published as registry.village.updated through the outbox', async () => {
  const collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(VillageUpdated.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-village-collector`,
  );
  try {
    await eventually(
      () => {
        const events = collector.messages.map((m) => JSON.parse(m.value ?? '{}'));
        const a1 = events.filter((e) => e.aggregateId === VILLAGE_A1);
        expect(a1).toHaveLength(1);
        expect(a1[0]).toMatchObject({
          type: 'registry.village.updated',
          areaCode: VILLAGE_A1,
          actor: { kind: 'user', id: 'u-town-a' },
          payload: {
            village: { code: VILLAGE_A1, poorVillage: true, ruralPopulation: 350 },
            changed: expect.arrayContaining(['ruralPopulation', 'groups', 'infrastructure']),
          },
        });
        expect(events.filter((e) => e.aggregateId === VILLAGE_A2)).toHaveLength(2);
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await collector.stop();
  }
});
