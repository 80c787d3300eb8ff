import {
  auditModel,
  createPersonalDataCipher,
  generatePersonalDataKey,
  type SealedValue,
} from '@fupin/kit';
import request from 'supertest';
import { COUNTY, startRegistry, type TestRegistry } from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// 密钥轮换: the registry runs with k2 current and k1 kept to open; households whose ID numbers
// and phones were sealed with k1 are sealed again by POST /keys/reseal (the administrator's),
// GET /keys/reseal shows the run done and no value left on k1, and k1 is no longer needed.

const k1 = generatePersonalDataKey();
const k2 = generatePersonalDataKey();
const hmacKey = generatePersonalDataKey();
const withK1 = createPersonalDataCipher({ encryptionKey: k1, hmacKey });
const withoutK1 = createPersonalDataCipher({ encryptionKey: k2, encryptionKeyId: 'k2', hmacKey });

interface Status {
  run: {
    id: string;
    state: string;
    progress: { collections: { collection: string; total: number; resealed: number }[] };
  } | null;
  collections: { collection: string; valuesOnOldKeys: number }[];
  keys: Record<'encryption' | 'hmac', { current: string; previous: string[] }>;
}

let t: TestRegistry;
let admin: string;
beforeAll(async () => {
  t = await startRegistry({
    env: {
      PII_ENCRYPTION_KEY: k2,
      PII_ENCRYPTION_KEY_ID: 'k2',
      PII_ENCRYPTION_PREVIOUS_KEYS: `k1:${k1}`,
      PII_HMAC_KEY: hmacKey,
    },
  });
  admin = await t.issuer.sign({
    sub: 'u-admin',
    name: '系统管理员',
    area: COUNTY,
    roles: ['admin'],
    rights: { users: ['read', 'write'], registry: ['read'] },
  });
});
afterAll(() => t.close());

const households = () => t.registry.models.households.collection;

/** The values as they were before the rotation: every ID number and phone sealed with k1. */
async function sealWithK1(ids: string[]): Promise<Map<string, string>> {
  const plain = new Map<string, string>();
  for (const id of ids) {
    const doc = await households().findOne({ _id: id as never });
    const members = (doc!.members as { id: string; idNumber: SealedValue }[]).map((m) => {
      const clear = withoutK1.open(m.idNumber);
      plain.set(`${id}/${m.id}`, clear);
      return { ...m, idNumber: { ...m.idNumber, enc: withK1.seal(clear).enc } };
    });
    const phone = { ...withK1.seal('13800001111'), masked: '138****1111' };
    await households().updateOne({ _id: id as never }, { $set: { members, phone } });
  }
  return plain;
}

async function status(): Promise<Status> {
  const res = await request(t.app).get('/keys/reseal').set(as(admin));
  expect(res.status).toBe(200);
  return res.body as Status;
}

test('the administrator reseals every old-key value; a township user may neither start nor look', async () => {
  await createAreas(t);
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await registerHousehold(t)).id);
  const plain = await sealWithK1(ids);
  const hashesBefore = await households()
    .find({}, { projection: { 'members.idNumber.hash': 1, 'phone.hash': 1 } })
    .sort({ _id: 1 })
    .toArray();

  const before = await status();
  expect(before.run).toBeNull();
  expect(before.collections).toContainEqual({ collection: 'households', valuesOnOldKeys: 12 });
  // The keys held, by id only (what 密钥轮换 in the console shows): never a key.
  expect(before.keys).toEqual({
    encryption: { current: 'k2', previous: ['k1'] },
    hmac: { current: 'k1', previous: [] },
  });
  expect(JSON.stringify(before)).not.toContain(k1);

  expect((await request(t.app).post('/keys/reseal').set(as(t.tokens.townshipA))).status).toBe(403);
  expect((await request(t.app).get('/keys/reseal').set(as(t.tokens.townshipA))).status).toBe(403);

  const started = await request(t.app).post('/keys/reseal').set(as(admin));
  expect(started.status).toBe(202);
  const jobId = (started.body as { jobId: string }).jobId;
  // Its start is audited: who, the job, and the keys it seals and hashes with (ids only).
  const audited = await auditModel(t.rt.conn).find({ action: 'key_reseal' }).lean();
  expect(audited).toEqual([
    expect.objectContaining({
      actorId: 'u-admin',
      subjectType: 'key_reseal',
      subjectIds: [jobId],
      after: { encryptionKey: 'k2', hmacKey: 'k1' },
    }),
  ]);

  let after = await status();
  for (let i = 0; i < 100 && after.run?.state !== 'completed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await status();
  }
  expect(after.run).toMatchObject({ id: jobId, state: 'completed' });
  expect(after.run!.progress.collections).toContainEqual(
    expect.objectContaining({ collection: 'households', total: 3, resealed: 3 }),
  );
  for (const c of after.collections) expect(c.valuesOnOldKeys).toBe(0);

  // Everything opens without k1, to the same clear values, under the same hashes.
  for (const id of ids) {
    const doc = await households().findOne({ _id: id as never });
    for (const m of doc!.members as { id: string; idNumber: SealedValue }[]) {
      expect(m.idNumber.enc.startsWith('v2.k2.')).toBe(true);
      expect(withoutK1.open(m.idNumber)).toBe(plain.get(`${id}/${m.id}`));
    }
    expect(withoutK1.open(doc!.phone as SealedValue)).toBe('13800001111');
  }
  const hashesAfter = await households()
    .find({}, { projection: { 'members.idNumber.hash': 1, 'phone.hash': 1 } })
    .sort({ _id: 1 })
    .toArray();
  expect(hashesAfter).toEqual(hashesBefore);
});
