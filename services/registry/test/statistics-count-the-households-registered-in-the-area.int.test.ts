import { ExitTargetSet } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { as, registerHousehold, seedAreas } from './fixtures/villages';
import {
  COUNTY,
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry();
  await seedAreas(t);
  const reg = (o: Parameters<typeof registerHousehold>[1]) => registerHousehold(t, o);
  // Township A, village A1 (groups 1 and 2)
  await reg({
    village: VILLAGE_A1,
    status: 'in_poverty',
    size: 3,
    groupNo: 1,
    attribute: 'ordinary',
    mainCause: 'illness',
    otherCauses: ['lack_of_skills'],
  });
  await reg({
    village: VILLAGE_A1,
    status: 'in_poverty',
    size: 2,
    groupNo: 2,
    attribute: 'minimum_allowance',
    mainCause: 'disability',
  });
  await reg({
    village: VILLAGE_A1,
    status: 'exited',
    size: 4,
    groupNo: 1,
    exitYear: 2018,
    mainCause: 'lack_of_skills',
  });
  await reg({
    village: VILLAGE_A1,
    status: 'exited',
    size: 1,
    groupNo: 2,
    exitYear: 2019,
    attribute: 'destitute',
    mainCause: 'illness',
  });
  await reg({ village: VILLAGE_A1, status: 'candidate', size: 2, groupNo: 1 });
  // Township A, village A2
  await reg({
    village: VILLAGE_A2,
    status: 'returned',
    size: 3,
    exitYear: 2018,
    mainCause: 'disaster',
    otherCauses: ['illness'],
  });
  await reg({ village: VILLAGE_A2, status: 'unstable', size: 2, exitYear: 2019 });
  // Township B
  await reg({ village: VILLAGE_B1, status: 'in_poverty', size: 5, mainCause: 'illness' });
  await reg({ village: VILLAGE_B1, status: 'exited', size: 2, exitYear: 2019 });
  await reg({ village: VILLAGE_B1, status: 'marginal', size: 4 });

  for (const [code, population] of [
    [VILLAGE_A1, 250],
    [VILLAGE_A2, 150],
    [VILLAGE_B1, 400],
  ] as const) {
    const res = await request(t.app)
      .put(`/villages/${code}`)
      .set(as(t.tokens.county))
      .send({ ruralPopulation: population });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await t.close();
});

const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
  Object.fromEntries(rows.map((r) => [String(r[key]), r]));

test('county statistics count households by status, attribute, cause and township', async () => {
  const res = await request(t.app).get('/statistics/households').set(as(t.tokens.county));
  expect(res.status).toBe(200);
  const s = res.body;
  expect(s.areaCode).toBe(COUNTY);
  expect(s.total).toEqual({ households: 10, people: 28 });
  // Registered: in_poverty 3+2+5, exited 4+1+2, returned 3, unstable 2 → 8 households, 22 people.
  expect(s.registered).toEqual({ households: 8, people: 22 });
  expect(s.stillPoor).toEqual({ households: 4, people: 13 });
  const status = byKey(s.byStatus, 'status');
  expect(status.in_poverty).toEqual({ status: 'in_poverty', households: 3, people: 10 });
  expect(status.exited).toEqual({ status: 'exited', households: 3, people: 7 });
  expect(status.candidate).toEqual({ status: 'candidate', households: 1, people: 2 });
  expect(status.marginal).toEqual({ status: 'marginal', households: 1, people: 4 });
  expect(status.cancelled).toEqual({ status: 'cancelled', households: 0, people: 0 });

  const attribute = byKey(s.byAttribute, 'attribute');
  expect(attribute.ordinary).toMatchObject({ households: 6 });
  expect(attribute.minimum_allowance).toMatchObject({ households: 1, people: 2 });
  expect(attribute.destitute).toMatchObject({ households: 1, people: 1 });

  const main = byKey(s.byMainCause, 'cause');
  // illness: A1 (3), A1 exited (1), B1 (5), and the fixture default for A2 unstable, B1 exited.
  expect(main.illness).toMatchObject({ households: 5 });
  expect(main.disaster).toMatchObject({ households: 1, people: 3 });
  const any = byKey(s.byCause, 'cause');
  // Main or other cause: the A2 returned household names illness as another cause.
  expect(any.illness).toEqual({ cause: 'illness', households: 6 });
  expect(any.lack_of_skills).toEqual({ cause: 'lack_of_skills', households: 2 });

  expect(s.byArea).toEqual([
    {
      areaCode: TOWNSHIP_A,
      groupNo: null,
      name: '漳江街道',
      total: { households: 7, people: 17 },
      registered: { households: 6, people: 15 },
      stillPoor: { households: 3, people: 8 },
    },
    {
      areaCode: TOWNSHIP_B,
      groupNo: null,
      name: '陬市镇',
      total: { households: 3, people: 11 },
      registered: { households: 2, people: 7 },
      stillPoor: { households: 1, people: 5 },
    },
  ]);
});

test('a village breaks down by villager group; a township user sees only its own township', async () => {
  const village = await request(t.app)
    .get('/statistics/households')
    .query({ area: VILLAGE_A1 })
    .set(as(t.tokens.townshipA));
  expect(village.status).toBe(200);
  expect(
    village.body.byArea.map((g: { groupNo: number; total: { households: number } }) => [
      g.groupNo,
      g.total.households,
    ]),
  ).toEqual([
    [1, 3],
    [2, 2],
  ]);

  const own = await request(t.app).get('/statistics/households').set(as(t.tokens.townshipA));
  expect(own.body.areaCode).toBe(TOWNSHIP_A);
  expect(own.body.total).toEqual({ households: 7, people: 17 });
  expect(own.body.byArea.map((v: { areaCode: string }) => v.areaCode)).toEqual([
    VILLAGE_A1,
    VILLAGE_A2,
  ]);

  const malformed = await request(t.app)
    .get('/statistics/households')
    .query({ area: '431121000201' })
    .set(as(t.tokens.county));
  expect({ status: malformed.status, field: malformed.body.errors?.[0]?.field }).toEqual({
    status: 400,
    field: 'query.area',
  });

  for (const path of [
    '/statistics/households',
    '/statistics/poverty-incidence',
    '/statistics/exits',
  ]) {
    const other = await request(t.app)
      .get(path)
      .query({ area: TOWNSHIP_B })
      .set(as(t.tokens.townshipA));
    expect({ path, status: other.status, code: other.body.code }).toEqual({
      path,
      status: 403,
      code: 'FORBIDDEN_AREA',
    });
  }
});

test('poverty incidence is computed per village and per township', async () => {
  const villages = await request(t.app)
    .get('/statistics/poverty-incidence')
    .query({ level: 'village' })
    .set(as(t.tokens.county));
  expect(villages.status).toBe(200);
  const v = byKey(villages.body.rows, 'areaCode');
  // A1: still poor 3+2 = 5 of 250 → 2%; A2: returned 3 of 150 → 2%; B1: 5 of 400 → 1.25%.
  expect(v[VILLAGE_A1]).toMatchObject({
    stillPoorPeople: 5,
    ruralPopulation: 250,
    povertyIncidencePercent: 2,
  });
  expect(v[VILLAGE_A2]).toMatchObject({ stillPoorPeople: 3, povertyIncidencePercent: 2 });
  expect(v[VILLAGE_B1]).toMatchObject({ stillPoorPeople: 5, povertyIncidencePercent: 1.25 });

  const townships = await request(t.app)
    .get('/statistics/poverty-incidence')
    .query({ level: 'township' })
    .set(as(t.tokens.county));
  const tw = byKey(townships.body.rows, 'areaCode');
  // Township A: 8 of 400 → 2%.
  expect(tw[TOWNSHIP_A]).toMatchObject({
    villages: 2,
    ruralPopulation: 400,
    stillPoorPeople: 8,
    registeredHouseholds: 6,
    povertyIncidencePercent: 2,
  });
  expect(tw[TOWNSHIP_B]).toMatchObject({ ruralPopulation: 400, povertyIncidencePercent: 1.25 });
  // County: 13 of 800 → 1.63%.
  expect(townships.body.overall).toMatchObject({
    areaCode: COUNTY,
    ruralPopulation: 800,
    stillPoorPeople: 13,
    povertyIncidencePercent: 1.63,
  });

  const own = await request(t.app)
    .get('/statistics/poverty-incidence')
    .query({ level: 'township' })
    .set(as(t.tokens.townshipA));
  expect(own.body.rows.map((r: { areaCode: string }) => r.areaCode)).toEqual([TOWNSHIP_A]);
});

test('exits per year are compared with the target set for the area or its townships', async () => {
  const setTarget = (area: string, year: number, households: number, token = t.tokens.county) =>
    request(t.app).put(`/exit-targets/${area}/${year}`).set(as(token)).send({ households });
  expect((await setTarget(COUNTY, 2018, 2)).status).toBe(200);
  expect((await setTarget(COUNTY, 2019, 4)).status).toBe(200);
  expect((await setTarget(TOWNSHIP_A, 2019, 2)).status).toBe(200);
  // Township users may read targets but not set them.
  const refused = await setTarget(TOWNSHIP_A, 2020, 9, t.tokens.townshipA);
  expect({ status: refused.status, code: refused.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });

  const county = await request(t.app)
    .get('/statistics/exits')
    .query({ from: 2018, to: 2020 })
    .set(as(t.tokens.county));
  expect(county.status).toBe(200);
  // 2018: A1 exited (4) and A2 returned (3) had exited; 2019: A1 (1), A2 unstable (2), B1 (2).
  expect(county.body.years).toEqual([
    {
      year: 2018,
      households: 2,
      people: 7,
      targetHouseholds: 2,
      targetPeople: null,
      targetMet: true,
    },
    {
      year: 2019,
      households: 3,
      people: 5,
      targetHouseholds: 4,
      targetPeople: null,
      targetMet: false,
    },
    {
      year: 2020,
      households: 0,
      people: 0,
      targetHouseholds: null,
      targetPeople: null,
      targetMet: null,
    },
  ]);

  const township = await request(t.app).get('/statistics/exits').set(as(t.tokens.townshipA));
  expect(township.body).toEqual({
    areaCode: TOWNSHIP_A,
    years: [
      {
        year: 2018,
        households: 2,
        people: 7,
        targetHouseholds: null,
        targetPeople: null,
        targetMet: null,
      },
      {
        year: 2019,
        households: 2,
        people: 3,
        targetHouseholds: 2,
        targetPeople: null,
        targetMet: true,
      },
    ],
  });

  const targets = await request(t.app).get('/exit-targets').set(as(t.tokens.townshipA));
  expect(targets.body.map((x: { id: string }) => x.id)).toEqual([`${TOWNSHIP_A}:2019`]);
});

test('setting a target publishes registry.exit_target.set; an unchanged target publishes nothing', async () => {
  const again = await request(t.app)
    .put(`/exit-targets/${COUNTY}/2019`)
    .set(as(t.tokens.county))
    .send({ households: 4 });
  expect(again.body).toMatchObject({ households: 4, revision: 1 });
  const changed = await request(t.app)
    .put(`/exit-targets/${COUNTY}/2019`)
    .set(as(t.tokens.county))
    .send({ households: 5, people: 12, revision: 1 });
  expect(changed.body).toMatchObject({ households: 5, people: 12, revision: 2 });

  const collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(ExitTargetSet.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-target-collector`,
  );
  try {
    await eventually(
      () => {
        const county2019 = collector.messages
          .map((m) => JSON.parse(m.value ?? '{}'))
          .filter((e) => e.aggregateId === `${COUNTY}:2019`);
        // Without an incidence or village target, the event says so (the fields are optional
        // in the contract: older events lack them).
        const none = { incidencePercent: null, villages: null, villageCodes: [] };
        expect(county2019.map((e) => e.payload.target)).toEqual([
          { areaCode: COUNTY, year: 2019, households: 4, people: null, revision: 1, ...none },
          { areaCode: COUNTY, year: 2019, households: 5, people: 12, revision: 2, ...none },
        ]);
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await collector.stop();
  }
});
