import { hmacRotation } from '@fupin/testing';
import { createEvent, type MemberSnapshot, MemberUpdated, SYSTEM_ACTOR } from '@fupin/contracts';
import { randomBytes } from 'node:crypto';
import {
  bearer,
  csv,
  idNumber,
  project,
  registryEvents,
  startMatching,
  testEnv,
  type TestHousehold,
  type TestMatching,
  VILLAGE_A1,
} from './fixtures/matching';
import type { Membership } from '../src/persons/person-index.model';
import { findingId, personCandidate } from '../src/runs/candidates';

/**
 * 密钥轮换 for the HMAC key, as the runbook does it on one database: a list uploaded under k1;
 * then the service with k2 current and k1 previous while the registry's events carry both
 * hashes; then k1 dropped (events with the k2 hash alone).
 */
const { mac } = hmacRotation();
const K1 = mac.k1;
const K2 = mac.k2;
const LIST_DATE = '2026-03-31';
const planted = idNumber('1970-01-01', 1, 'male');

const household: TestHousehold = {
  id: 'hh-rot',
  areaCode: VILLAGE_A1,
  members: [{ id: 'm-rot', idNumber: planted, name: '张一', birthDate: '1970-01-01', sex: 'male' }],
};

const vehicles = () =>
  csv([
    ['序号', '姓名', '身份证号', '车牌号'],
    [1, '张一', planted, '湘E12345'],
  ]);

let shared: Awaited<ReturnType<typeof testEnv>>;
let t: TestMatching | null = null;

/** The service with these HMAC keys on the shared database (the previous instance stopped). */
async function withKeys(keys: Record<string, string>): Promise<TestMatching> {
  if (t) await t.rt.shutdown.run('next key configuration');
  t = await startMatching({ shared: { ...shared, env: { ...shared.env, ...keys } } });
  return t;
}

async function upload(s: TestMatching): Promise<string> {
  const res = await s.upload(s.tokens.county, vehicles(), { type: 'vehicles', date: LIST_DATE });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function findings(s: TestMatching) {
  const res = await s
    .api()
    .get('/findings')
    .query({ range: '[0,99]' })
    .set(bearer(s.tokens.county));
  return res.body as { id: string; rule: string; memberId: string; confirmations: number }[];
}

beforeAll(async () => {
  shared = await testEnv({ PII_HMAC_KEY: K1 });
});
afterAll(async () => {
  await t?.close();
});

test('a rotation finds the person under either key, keeps the finding, and refuses a list hashed under the dropped key', async () => {
  // Before the rotation: a list hashed under k1.
  const k1Only = await withKeys({ PII_HMAC_KEY: K1, PII_HMAC_KEY_ID: 'k1' });
  const underK1 = await upload(k1Only);
  expect(
    (await k1Only.api().get(`/lists/${underK1}`).set(bearer(k1Only.tokens.county))).body,
  ).toMatchObject({ hashKeyId: 'k1' });
  await project(k1Only, household);
  const before = await k1Only.run(k1Only.tokens.county, underK1);
  expect(before.summary).toMatchObject({ found: 1, created: 1, byRule: { VEHICLE_OWNER: 1 } });
  const [finding] = await findings(k1Only);

  // The window: k2 current, k1 previous; the registry's events carry [k2, k1].
  const window = await withKeys({
    PII_HMAC_KEY: K2,
    PII_HMAC_KEY_ID: 'k2',
    PII_HMAC_PREVIOUS_KEYS: `k1:${K1}`,
  });
  const [k2Hash, k1Hash] = window.matching.cipher.hashes(planted);
  for (const e of registryEvents(window, household)) {
    const member = (e.payload as { member?: { idHash: string; idHashes?: string[] } }).member;
    if (member)
      Object.assign(member, {
        idHash: k2Hash,
        idHashes: [k2Hash, k1Hash],
        idHashKeys: ['k2', 'k1'],
      });
    await window.matching.projection.apply(e);
  }
  expect(await window.matching.persons.lookup(k1Hash!)).toHaveLength(1);
  expect(await window.matching.persons.lookup(k2Hash!)).toHaveLength(1);
  expect((await window.matching.persons.load()).size).toBe(1);

  const underK2 = await upload(window);
  expect(
    (await window.api().get(`/lists/${underK2}`).set(bearer(window.tokens.county))).body,
  ).toMatchObject({ hashKeyId: 'k2' });
  // Under either key the person is the one found before: the same finding, not a second one.
  const first = await window.run(window.tokens.county, underK2);
  expect(first.summary).toMatchObject({ found: 1, created: 0, reconfirmed: 1 });
  const old = await window.run(window.tokens.county, underK1);
  expect(old.summary).toMatchObject({ found: 1, created: 0, reconfirmed: 1 });
  expect(await findings(window)).toEqual([
    expect.objectContaining({
      id: finding!.id,
      rule: 'VEHICLE_OWNER',
      memberId: 'm-rot',
      confirmations: 3,
    }),
  ]);

  // k1 dropped: the registry sends the k2 hash alone.
  const k2Only = await withKeys({ PII_HMAC_KEY: K2, PII_HMAC_KEY_ID: 'k2' });
  const snapshot = registryEvents(k2Only, household)
    .map((e) => (e.payload as { member?: MemberSnapshot }).member)
    .find((m) => m)!;
  await k2Only.matching.projection.apply(
    createEvent(MemberUpdated, {
      aggregateId: household.id,
      areaCode: household.areaCode,
      actor: SYSTEM_ACTOR,
      payload: {
        member: { ...snapshot, idHash: k2Hash! },
        areaCode: household.areaCode,
        changed: ['idHash'],
      },
    }),
  );
  expect(await k2Only.matching.persons.lookup(k1Hash!)).toEqual([]);
  expect(await k2Only.matching.persons.lookup(k2Hash!)).toHaveLength(1);

  const again = await k2Only.run(k2Only.tokens.county, underK2);
  expect(again.summary).toMatchObject({ found: 1, created: 0, reconfirmed: 1 });
  const after = await findings(k2Only);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ id: finding!.id, confirmations: 4 });

  const refused = await k2Only
    .api()
    .post('/runs')
    .set(bearer(k2Only.tokens.county))
    .send({ listId: underK1 });
  expect(refused.status).toBe(409);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body).toMatchObject({ code: 'MATCHING_LIST_HASH_KEY_RETIRED' });
  expect(JSON.stringify(refused.body)).toContain('请重新上传该名单');
  expect(JSON.stringify(refused.body)).toContain('upload the list again');
  // The k2 upload is the series' current version: a full run goes ahead, recording nothing new.
  const full = await k2Only.run(k2Only.tokens.county);
  expect(full.summary).toMatchObject({ created: 0 });
});

test('a finding recorded under its hash-based id before the change is re-confirmed, during the window and after it', async () => {
  const s = t ?? (await withKeys({ PII_HMAC_KEY: K2, PII_HMAC_KEY_ID: 'k2' }));
  const [h2, h1] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
  const m = { householdId: 'hh-legacy', memberId: 'm-legacy', areaCode: VILLAGE_A1 };
  const person = (idHashes: string[]) => ({
    idHash: idHashes[0]!,
    idHashes,
    memberships: [],
    seen: 0,
  });
  const evidence = { kind: 'not_on_list' as const, lists: [] };
  const candidate = (idHashes: string[]) => ({
    ...personCandidate('DROPOUT', person(idHashes), m as Membership, evidence),
    ruleVersion: 1,
  });
  const legacy = findingId('DROPOUT', h1, m.householdId);
  const { aliases: _a, ...before } = candidate([h1]);
  await s.matching.findings.record([{ ...before, _id: legacy }], 'run-before');

  expect(await s.matching.findings.record([candidate([h2, h1])], 'run-window')).toEqual({
    created: 0,
    reconfirmed: 1,
    reopened: 0,
  });
  expect(await s.matching.findings.record([candidate([h2])], 'run-after')).toEqual({
    created: 0,
    reconfirmed: 1,
    reopened: 0,
  });
  const stored = (await findings(s)).filter((f) => f.memberId === m.memberId);
  expect(stored).toEqual([expect.objectContaining({ id: legacy, confirmations: 3 })]);
  expect(stored[0]).not.toHaveProperty('runKey');
  expect(stored[0]).not.toHaveProperty('aliases');
});
