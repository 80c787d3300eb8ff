import {
  eventually,
  bearer,
  COUNTY,
  type SignedIn,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from '@fupin/testing';
import request from 'supertest';
import { type CountyPlatform, startCounty } from './support/county';
import { household, idNumber, seedAreas } from './support/registry-data';

/**
 * A township user's token, issued by the gateway, presented to each service DIRECTLY (not
 * through the gateway): the service itself keeps the user inside the township.
 */
let t: CountyPlatform;
let office: SignedIn;
let townA: SignedIn;
const ids: Record<'A' | 'B', string> = { A: '', B: '' };

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  const registry = t.service('registry').url;
  await seedAreas(registry, office.accessToken);
  for (const [key, village, seq] of [
    ['A', VILLAGE_A1, 1],
    ['B', VILLAGE_B1, 2],
  ] as const) {
    const res = await request(registry)
      .post('/households')
      .set(bearer(office.accessToken))
      .send(
        household(`HH-${key}`, village, {
          name: `户主${key}`,
          idNumber: idNumber('1970-01-01', seq),
        }),
      );
    if (res.status !== 201) throw new Error(`household ${key}: ${res.status} ${res.text}`);
    ids[key] = (res.body as { id: string }).id;
  }
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

/** Per service: what a township-A user must not see of township B. New services add theirs. */
const PROBES: Record<string, (url: string) => Promise<void>> = {
  registry: async (url) => {
    const as = bearer(townA.accessToken);
    const list = await request(url).get('/households').query({ range: '[0,99]' }).set(as);
    expect(list.status).toBe(200);
    const codes = (list.body as { areaCode: string }[]).map((h) => h.areaCode);
    expect(codes).toEqual([VILLAGE_A1]);

    for (const probe of [
      request(url).get(`/households/${ids.B}`).set(as),
      request(url).get(`/households/${ids.B}/history`).set(as),
      request(url).put(`/households/${ids.B}`).set(as).send({ address: '改' }),
      request(url).get(`/areas/${TOWNSHIP_B}`).set(as),
    ]) {
      const res = await probe;
      expect([403, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('户主B');
    }
    const areas = await request(url).get('/areas').query({ range: '[0,99]' }).set(as);
    expect((areas.body as { code: string }[]).map((a) => a.code).sort()).toEqual(
      [TOWNSHIP_A, VILLAGE_A1].sort(),
    );
    // The user's own township is visible: the refusals above are about scope, not a broken token.
    expect((await request(url).get(`/households/${ids.A}`).set(as)).status).toBe(200);
  },
  matching: async (url) => {
    const county = bearer(office.accessToken);
    const as = bearer(townA.accessToken);
    // Both households reach the matching service through the registry's events.
    await eventually(
      async () => {
        const s = await request(url).get('/person-index/status').set(county);
        expect(s.body).toMatchObject({ people: 2 });
      },
      { timeoutMs: 60_000 },
    );
    // Both households' income is above the 2019 line while in poverty: a full run finds both.
    const run = await request(url).post('/runs').set(county).send({});
    expect(run.status).toBe(202);
    await eventually(
      async () => {
        const r = await request(url)
          .get(`/runs/${(run.body as { id: string }).id}`)
          .set(county);
        expect(r.body).toMatchObject({ status: 'completed' });
      },
      { timeoutMs: 60_000 },
    );
    const all = (await request(url).get('/findings').set(county)).body as {
      id: string;
      householdId: string;
    }[];
    expect(all.map((f) => f.householdId).sort()).toEqual([ids.A, ids.B].sort());
    const own = await request(url).get('/findings').query({ range: '[0,99]' }).set(as);
    expect(own.status).toBe(200);
    expect((own.body as { areaCode: string }[]).map((f) => f.areaCode)).toEqual([VILLAGE_A1]);
    const other = all.find((f) => f.householdId === ids.B)!;
    for (const probe of [
      request(url).get(`/findings/${other.id}`).set(as),
      request(url).post(`/findings/${other.id}/verify`).set(as).send({ conclusion: 'confirmed' }),
    ]) {
      expect([403, 404]).toContain((await probe).status);
    }
    const mine = all.find((f) => f.householdId === ids.A)!;
    expect((await request(url).get(`/findings/${mine.id}`).set(as)).status).toBe(200);
  },
  funds: async (url) => {
    const county = bearer(office.accessToken);
    const as = bearer(townA.accessToken);
    const project: Record<'A' | 'B', string> = { A: '', B: '' };
    for (const [key, village] of [
      ['A', VILLAGE_A1],
      ['B', VILLAGE_B1],
    ] as const) {
      const res = await request(url)
        .post('/projects')
        .set(county)
        .send({
          code: `FP-${key}`,
          name: `项目${key}`,
          type: 'road',
          year: 2018,
          areaCode: village,
        });
      expect(res.status).toBe(201);
      project[key] = (res.body as { id: string }).id;
    }
    const list = await request(url).get('/projects').query({ range: '[0,99]' }).set(as);
    expect((list.body as { code: string }[]).map((p) => p.code)).toEqual(['FP-A']);
    for (const probe of [
      request(url).get(`/projects/${project.B}`).set(as),
      request(url).get(`/projects/${project.B}/history`).set(as),
    ]) {
      expect([403, 404]).toContain((await probe).status);
    }
    expect((await request(url).get(`/projects/${project.A}`).set(as)).status).toBe(200);
  },
  support: async (url) => {
    const county = bearer(office.accessToken);
    const as = bearer(townA.accessToken);
    // Both households' members reach the support service through the registry's events.
    await eventually(
      async () => {
        const all = await request(url).get('/persons').query({ range: '[0,99]' }).set(county);
        expect(all.body).toHaveLength(2);
      },
      { timeoutMs: 30_000 },
    );
    const all = (await request(url).get('/persons').set(county)).body as {
      id: string;
      householdId: string;
    }[];
    const personA = all.find((p) => p.householdId === ids.A)!;
    const personB = all.find((p) => p.householdId === ids.B)!;
    const episode = await request(url).post('/health/inpatient-episodes').set(county).send({
      personId: personB.id,
      hospital: '县人民医院',
      admittedOn: '2018-01-10',
      totalCostFen: 1_000_000,
      basicInsuranceFen: 650_000,
      seriousIllnessInsuranceFen: 150_000,
      medicalAssistanceFen: 50_000,
    });
    expect(episode.status).toBe(201);
    const own = await request(url).get('/persons').query({ range: '[0,99]' }).set(as);
    expect((own.body as { areaCode: string }[]).map((p) => p.areaCode)).toEqual([VILLAGE_A1]);
    expect((await request(url).get('/health/inpatient-episodes').set(as)).body).toEqual([]);
    for (const probe of [
      request(url).get(`/persons/${personB.id}`).set(as),
      request(url)
        .get(`/health/inpatient-episodes/${(episode.body as { id: string }).id}`)
        .set(as),
    ]) {
      expect([403, 404]).toContain((await probe).status);
    }
    const coverage = await request(url).get('/health/coverage').set(as);
    expect([
      ...new Set((coverage.body as { rows: { areaCode: string }[] }).rows.map((r) => r.areaCode)),
    ]).toEqual([TOWNSHIP_A]);
    expect((await request(url).get(`/persons/${personA.id}`).set(as)).status).toBe(200);
  },
  assessment: async (url) => {
    const county = bearer(office.accessToken);
    const as = bearer(townA.accessToken);
    // Both households reach the assessment through the registry's events.
    await eventually(
      async () => {
        const s = await request(url).get('/projection/status').set(county);
        expect(s.body).toMatchObject({ households: 2 });
      },
      { timeoutMs: 60_000 },
    );
    const scheme = await request(url)
      .put('/schemes/2019')
      .set(county)
      .send({
        revision: 0,
        tracks: [
          {
            kind: 'township',
            units: [
              { code: TOWNSHIP_A, name: '甲镇' },
              { code: TOWNSHIP_B, name: '乙镇' },
            ],
            indicators: [
              { code: 'visit_coverage', weight: 60 },
              { code: 'findings_open', weight: 40, rule: 'rank' },
            ],
          },
        ],
      });
    expect(scheme.status).toBe(200);
    expect(
      (await request(url).post('/rankings').set(county).send({ year: 2019, quarter: 1 })).status,
    ).toBe(201);
    const own = await request(url).get('/rankings/2019-Q1-v1/results').set(as);
    expect(own.status).toBe(200);
    expect((own.body as { unitId: string }[]).map((r) => r.unitId)).toEqual([
      `township:${TOWNSHIP_A}`,
    ]);
    for (const probe of [
      request(url).get(`/rankings/2019-Q1-v1/results/township:${TOWNSHIP_B}`).set(as),
      request(url)
        .get(`/rankings/2019-Q1-v1/results/township:${TOWNSHIP_B}/records/visit_coverage`)
        .set(as),
      request(url).get(`/units/township:${TOWNSHIP_B}/history`).set(as),
    ]) {
      const res = await probe;
      expect([403, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('乙镇');
    }
    expect(
      (await request(url).get(`/rankings/2019-Q1-v1/results/township:${TOWNSHIP_A}`).set(as))
        .status,
    ).toBe(200);
  },
  assistance: async (url) => {
    const county = bearer(office.accessToken);
    const as = bearer(townA.accessToken);
    // Both households reach assistance through the registry's events.
    await eventually(
      async () => {
        const s = await request(url).get('/projection/status').set(county);
        expect(s.body).toMatchObject({ households: 2 });
      },
      { timeoutMs: 60_000 },
    );
    const helper = await request(url)
      .post('/helpers')
      .set(county)
      .send({ name: '县干部', unit: '县农业农村局', rank: 'division_level' });
    expect(helper.status).toBe(201);
    for (const householdId of [ids.A, ids.B]) {
      const pairing = await request(url)
        .post('/pairings')
        .set(county)
        .send({ helperId: helper.body.id, householdId, role: 'key' });
      expect(pairing.status).toBe(201);
    }
    for (const path of ['/households', '/pairings', '/visits/unvisited']) {
      const list = await request(url).get(path).query({ range: '[0,99]' }).set(as);
      expect(list.status).toBe(200);
      const rows = list.body as { areaCode: string }[];
      expect(rows.map((r) => r.areaCode)).toEqual(rows.map(() => VILLAGE_A1));
      expect(rows.length).toBe(1);
    }
    for (const probe of [
      request(url).get(`/households/${ids.B}`).set(as),
      request(url).get(`/plans/${ids.B}`).set(as),
      request(url).put(`/plans/${ids.B}`).set(as).send({ summary: '越权' }),
      request(url)
        .post('/measures')
        .set(as)
        .send({ householdId: ids.B, category: 'health', type: '越权' }),
    ]) {
      const res = await probe;
      expect([403, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('HH-B');
    }
    expect((await request(url).get(`/households/${ids.A}`).set(as)).status).toBe(200);
  },
};

test('every running service has a scope probe', () => {
  expect(t.services.map((s) => s.name).filter((n) => !PROBES[n])).toEqual([]);
});

test.each(Object.keys(PROBES))('%s keeps a township user out of another township', async (name) => {
  await PROBES[name]!(t.service(name).url);
});
