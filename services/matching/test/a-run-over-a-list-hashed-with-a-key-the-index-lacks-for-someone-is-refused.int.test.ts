import { hmacRotation } from '@fupin/testing';
import {
  bearer,
  csv,
  idNumber,
  registryEvents,
  startMatching,
  testEnv,
  type TestHousehold,
  type TestMatching,
  VILLAGE_A1,
} from './fixtures/matching';

/**
 * No silent staleness across an HMAC rotation: matching made k2 current (k1 previous) before the
 * registry rehashed, so the person index has its people under k1 only. A list hashed with k2
 * would miss them all; the run is refused, naming how many, until the registry's events bring
 * their k2 hashes — then it goes ahead and finds the planted death.
 */
const keys = hmacRotation();
const dies = idNumber('1946-04-04', 41, 'male');
const lives = idNumber('1978-08-08', 42, 'female');

const household: TestHousehold = {
  id: 'hh-key-behind',
  areaCode: VILLAGE_A1,
  members: [
    { id: 'm-dies', idNumber: dies, name: '李老', birthDate: '1946-04-04', sex: 'male' },
    { id: 'm-lives', idNumber: lives, name: '李女', birthDate: '1978-08-08', sex: 'female' },
  ],
};

let t: TestMatching;
beforeAll(async () => {
  const shared = await testEnv();
  t = await startMatching({
    shared: {
      ...shared,
      env: { ...shared.env, ...keys.env('k2', ['k1']) },
    },
  });
});
afterAll(async () => {
  await t.close();
});

/** The registry's events for the household, each member's hashes under the keys given. */
async function project(keys: ('k1' | 'k2')[], revision: number): Promise<void> {
  const byId = new Map(household.members.map((m) => [m.id, m.idNumber]));
  for (const e of registryEvents(t, household, revision)) {
    const members = [
      (e.payload as { member?: Record<string, unknown> }).member,
      ...((e.payload as { members?: Record<string, unknown>[] }).members ?? []),
    ];
    for (const m of members) {
      if (!m) continue;
      const [h2, h1] = t.matching.cipher.hashes(byId.get(m.id as string)!);
      const hashes = keys.map((k) => (k === 'k2' ? h2! : h1!));
      delete m.idHashes;
      Object.assign(m, {
        idHash: hashes[0],
        ...(hashes.length > 1 ? { idHashes: hashes } : {}),
        idHashKeys: keys,
      });
    }
    await t.matching.projection.apply(e);
  }
}

test('a list hashed with k2 is refused while people have only k1 hashes, and runs once they have k2', async () => {
  // The registry, not yet rotated, sends its people under k1 (and says so).
  await project(['k1'], 1);
  const upload = await t.upload(
    t.tokens.county,
    csv([
      ['姓名', '身份证号', '死亡日期'],
      ['李老', dies, '2026-01-02'],
    ]),
    { type: 'deaths', date: '2026-03-31', area: '431121000000' },
  );
  expect(upload.status).toBe(201);
  const listId = (upload.body as { id: string; hashKeyId: string }).id;
  expect((upload.body as { hashKeyId: string }).hashKeyId).toBe('k2');

  const refused = await t.api().post('/runs').set(bearer(t.tokens.county)).send({ listId });
  expect(refused.status).toBe(409);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body).toMatchObject({
    code: 'MATCHING_INDEX_KEY_BEHIND',
    listId,
    hashKeyId: 'k2',
    people: 2,
    errors: [expect.objectContaining({ field: 'listId', code: 'index_key_behind' })],
  });
  const text = JSON.stringify(refused.body);
  expect(text).toContain('人员索引中有 2 人尚无密钥 k2 下的哈希');
  expect(text).toContain('POST /keys/reseal');
  expect(text).toContain('2 people of the person index have no hash under key k2');
  // Nothing was queued.
  const runs = await t.api().get('/runs').set(bearer(t.tokens.county));
  expect(runs.body).toEqual([]);

  // The registry rehashed (k2 current, k1 previous) and told the views: the run goes ahead.
  await project(['k2', 'k1'], 2);
  const run = await t.run(t.tokens.county, listId);
  expect(run.summary).toMatchObject({ found: 1, created: 1, byRule: { DECEASED_IN_REGISTRY: 1 } });
  expect((run as unknown as { keyCoverage: unknown }).keyCoverage).toEqual([
    { hashKeyId: 'k2', peopleWithoutKey: 0 },
  ]);

  // A run queued while the index had everyone under k2 meets a household sent with its k1 hash
  // only before it executes: it fails with the same code rather than missing them.
  const county = {
    userId: 'u-county',
    username: '县扶贫办',
    roles: ['poverty_office'],
    areaCode: '431121000000',
    rights: { matching: ['read' as const, 'approve' as const] },
  };
  const queued = await t.matching.runs.create(county, { listId });
  const late: TestHousehold = {
    id: 'hh-key-late',
    areaCode: VILLAGE_A1,
    members: [
      {
        id: 'm-late',
        idNumber: idNumber('1960-02-02', 43, 'male'),
        name: '王',
        birthDate: '1960-02-02',
        sex: 'male',
      },
    ],
  };
  const [, lateK1] = t.matching.cipher.hashes(late.members[0]!.idNumber);
  for (const e of registryEvents(t, late)) {
    for (const m of [
      (e.payload as { member?: Record<string, unknown> }).member,
      ...((e.payload as { members?: Record<string, unknown>[] }).members ?? []),
    ])
      if (m) Object.assign(m, { idHash: lateK1, idHashKeys: ['k1'] });
    await t.matching.projection.apply(e);
  }
  const failed = await t.matching.runs.execute(queued.id).catch((err: unknown) => err);
  expect(failed).toMatchObject({ status: 409, code: 'MATCHING_INDEX_KEY_BEHIND' });
  await t.matching.runs.fail(queued.id, failed);
  const stored = await t.api().get(`/runs/${queued.id}`).set(bearer(t.tokens.county));
  expect(stored.body).toMatchObject({
    status: 'failed',
    error: { code: 'MATCHING_INDEX_KEY_BEHIND' },
  });
  expect(JSON.stringify(stored.body.error)).toContain('人员索引中有 1 人尚无密钥 k2 下的哈希');
});
