import request from 'supertest';
import {
  bearer,
  COUNTY,
  type Platform,
  type SignedIn,
  startPlatform,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/platform';
import { household, idNumber, seedAreas } from './support/registry-data';

/**
 * A township user's token, issued by the gateway, presented to each service DIRECTLY (not
 * through the gateway): the service itself keeps the user inside the township.
 */
let t: Platform;
let office: SignedIn;
let townA: SignedIn;
const ids: Record<'A' | 'B', string> = { A: '', B: '' };

beforeAll(async () => {
  t = await startPlatform();
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
};

test('every running service has a scope probe', () => {
  expect(t.services.map((s) => s.name).filter((n) => !PROBES[n])).toEqual([]);
});

test.each(Object.keys(PROBES))('%s keeps a township user out of another township', async (name) => {
  await PROBES[name]!(t.service(name).url);
});
