import { MemberUpdated } from '@fupin/contracts';
import type { SealedValue } from '@fupin/kit';
import { collectTopics, eventually, hmacRotation } from '@fupin/testing';
import request from 'supertest';
import {
  COUNTY,
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_B1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// 密钥轮换 of the HMAC key, on one registry database: households registered under HMAC key k1;
// the registry restarted with k2 current and k1 previous still finds a member by ID number and
// still refuses the same person in a second household; the reseal makes every member's hash
// again under k2 (keeping k1's beside it while k1 is held), claims it, indexes it and tells the
// views (member.updated with both hashes); restarted with k2 alone and resealed once more, no
// k1 hash is left and lookups and the one-household rule still hold.

const keys = hmacRotation();
const underK1 = keys.cipher('k1');
const underK2 = keys.cipher('k2');
const head = idNumber('1970-01-01', 3, 'male');

let t: TestRegistry;
let db: string;
let prefix: string;
afterAll(() => t?.close());

async function restart(env: Record<string, string>): Promise<void> {
  await t.rt.shutdown.run('restart with other keys');
  t = await startRegistry({
    env: { MONGO_DB: db, KAFKA_TOPIC_PREFIX: prefix, ...env },
  });
}

const admin = () =>
  t.issuer.sign({ sub: 'u-admin', area: COUNTY, roles: ['admin'], rights: { users: ['write'] } });

async function reseal(): Promise<void> {
  const token = await admin();
  expect((await request(t.app).post('/keys/reseal').set(as(token))).status).toBe(202);
  await eventually(
    async () => {
      const res = await request(t.app).get('/keys/reseal').set(as(token));
      expect(res.body.run.state).toBe('completed');
      for (const c of res.body.collections) expect(c.valuesOnOldKeys).toBe(0);
    },
    { timeoutMs: 30_000 },
  );
}

async function foundByIdNumber(): Promise<string[]> {
  const res = await request(t.app)
    .get('/households')
    .query({ idNumber: head })
    .set(as(t.tokens.county));
  expect(res.status).toBe(200);
  return (res.body as { id: string }[]).map((h) => h.id);
}

/** The same person registered in a household of another village: always refused. */
async function registerTwiceRefused(no: string): Promise<void> {
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send({
      householdNo: no,
      areaCode: VILLAGE_B1,
      members: [{ name: '刘大山', idNumber: head, relation: 'head' }],
    });
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD');
}

const headOf = async (id: string) => {
  const doc = await t.registry.models.households.collection.findOne({ _id: id as never });
  const m = (doc!.members as { idNumber: SealedValue }[])[0]!;
  return { sealed: m.idNumber, memberIdHashes: doc!.memberIdHashes as string[] };
};
const claimIds = async (id: string) =>
  (await t.registry.models.claims.find({ householdId: id }).lean()).map((c) => c._id).sort();

test('lookups, claims and views keep working through an HMAC rotation, and k1 leaves no hash behind', async () => {
  t = await startRegistry({ env: keys.env('k1') });
  db = t.config.MONGO_DB;
  prefix = t.config.KAFKA_TOPIC_PREFIX;
  await createAreas(t);
  const { id } = await registerHousehold(t);
  expect((await headOf(id)).sealed.hash).toBe(underK1.hash(head));

  // Halfway: k2 current, k1 previous. What was stored under k1 is still found and still claimed.
  await restart(keys.env('k2', ['k1']));
  expect(await foundByIdNumber()).toEqual([id]);
  await registerTwiceRefused('ROT-1');

  const observed = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(MemberUpdated.topic)],
    `${prefix}-rot`,
  );
  try {
    await reseal();
    const during = await headOf(id);
    expect(during.sealed.hash).toBe(underK2.hash(head));
    expect(during.sealed.hashes).toEqual([underK2.hash(head), underK1.hash(head)]);
    expect(during.sealed.hashKeys).toEqual(['k2', 'k1']);
    expect(during.memberIdHashes).toEqual(
      expect.arrayContaining([underK2.hash(head), underK1.hash(head)]),
    );
    expect(await claimIds(id)).toEqual(
      expect.arrayContaining([underK2.hash(head), underK1.hash(head)]),
    );
    // The views hear the new hashes: member.updated with the current hash and both.
    await eventually(
      async () => {
        const told = observed.messages
          .map((m) => JSON.parse(m.value!) as { type: string; payload: unknown })
          .filter((e) => e.type === MemberUpdated.type)
          .map((e) => MemberUpdated.payload.parse(e.payload).member)
          .find((m) => m.idHash === underK2.hash(head));
        expect(told?.idHashes).toEqual([underK2.hash(head), underK1.hash(head)]);
        // And which key each is under, so a view knows whom it has under the key a list used.
        expect(told?.idHashKeys).toEqual(['k2', 'k1']);
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await observed.stop();
  }
  expect(await foundByIdNumber()).toEqual([id]);
  await registerTwiceRefused('ROT-2');

  // k1 dropped: the second reseal leaves the k2 hash alone; lookups and the rule still hold.
  await restart(keys.env('k2'));
  await reseal();
  const after = await headOf(id);
  expect(after.sealed.hash).toBe(underK2.hash(head));
  expect(after.sealed.hashes).toBeUndefined();
  expect(after.sealed.hashKeys).toEqual(['k2']);
  expect(after.memberIdHashes).not.toContain(underK1.hash(head));
  expect(await foundByIdNumber()).toEqual([id]);
  await registerTwiceRefused('ROT-3');
});
