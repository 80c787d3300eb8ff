import { createCipheriv, randomBytes } from 'node:crypto';
import { uniqueName } from '@fupin/testing';
import { type Connection, type Model, Schema } from 'mongoose';
import {
  createByteSealer,
  createPersonalDataCipher,
  createRedis,
  generatePersonalDataKey,
  KeyResealJob,
  type Resealers,
  resealCollection,
  type SealedCollection,
  valuesOnOldKeys,
} from '../src';
import { kitContext } from './fixtures/context';

// 重新加密: after the rotation to k2 (k1 kept only to open), the reseal walks a collection and
// seals every k1 value again with k2, the hashes as they were; a document edited between the
// read and the write is skipped and done by the next run; then k1 can go.

const k1 = generatePersonalDataKey();
const k2 = generatePersonalDataKey();
const hmacKey = generatePersonalDataKey();
const before = createPersonalDataCipher({ encryptionKey: k1, hmacKey });
const beforeBytes = createByteSealer(k1);
const rotation = { encryptionKeyId: 'k2', previousEncryptionKeys: `k1:${k1}` };
const after = createPersonalDataCipher({ encryptionKey: k2, hmacKey, ...rotation });
const resealers: Resealers = {
  values: after,
  bytes: createByteSealer(k2, { keyId: 'k2', previousKeys: `k1:${k1}` }),
};
const withoutK1 = createPersonalDataCipher({ encryptionKey: k2, encryptionKeyId: 'k2', hmacKey });
const bytesWithoutK1 = createByteSealer(k2, { keyId: 'k2' });

/** A value sealed before key ids: `v1.<iv>.<tag>.<ct>` with k1. */
function sealV1(plain: string) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(k1, 'base64'), iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return { enc: ['v1', b(iv), b(c.getAuthTag()), b(ct)].join('.'), hash: before.hash(plain) };
}

interface Person {
  _id: string;
  name: string;
  idNumber?: { enc: string; hash: string };
  contacts?: { relation: string; phone: { enc: string; hash: string } }[];
  evidence?: Buffer;
}

const schema = new Schema<Person>(
  {
    _id: String,
    name: String,
    idNumber: { enc: String, hash: String },
    contacts: [{ _id: false, relation: String, phone: { enc: String, hash: String } }],
    evidence: Buffer,
  },
  { collection: 'people', versionKey: false },
);

const idOf = (i: number) => `p${String(i).padStart(3, '0')}`;
const idNumberOf = (i: number) => `43012119900101${String(i).padStart(4, '0')}`;
const phoneOf = (i: number) => `1380000${String(i).padStart(4, '0')}`;

let ctx: Awaited<ReturnType<typeof kitContext>>;
let conn: Connection;
let People: Model<Person>;
let people: SealedCollection;

beforeAll(async () => {
  ctx = await kitContext();
  conn = ctx.conn;
  People = conn.model<Person>('Person', schema);
  people = { model: People, fields: ['idNumber', 'contacts', 'evidence'] };
  await People.insertMany(
    Array.from({ length: 25 }, (_, i) => ({
      _id: idOf(i),
      name: `户主${i}`,
      idNumber: i === 0 ? sealV1(idNumberOf(i)) : before.seal(idNumberOf(i)),
      contacts: [{ relation: '配偶', phone: before.seal(phoneOf(i)) }],
      evidence: beforeBytes.seal(Buffer.from(`证据${i}`)),
    })),
  );
  // Already under k2 (written after the rotation) and one without any personal data.
  await People.create({ _id: idOf(25), name: '新户', idNumber: after.seal(idNumberOf(25)) });
  await People.create({ _id: idOf(26), name: '无证件' });
});
afterAll(() => ctx.close());

async function expectAllUnderK2() {
  const docs = await People.collection.find({}).sort({ _id: 1 }).toArray();
  for (const d of docs) {
    const i = Number(String(d._id).slice(1));
    if (i === 26) continue;
    expect(d.idNumber.enc.startsWith('v2.k2.')).toBe(true);
    expect(withoutK1.open(d.idNumber)).toBe(idNumberOf(i));
    expect(d.idNumber.hash).toBe(before.hash(idNumberOf(i)));
    if (i === 25) continue;
    expect(d.contacts[0].relation).toBe('配偶');
    expect(d.contacts[0].phone.enc.startsWith('v2.k2.')).toBe(true);
    expect(withoutK1.open(d.contacts[0].phone)).toBe(phoneOf(i));
    expect(d.contacts[0].phone.hash).toBe(before.hash(phoneOf(i)));
    const blob = Buffer.from(d.evidence.buffer.subarray(0, d.evidence.position));
    expect(bytesWithoutK1.open(blob).toString()).toBe(`证据${i}`);
  }
}

test('a document edited between the read and the write is skipped, and the next run does it', async () => {
  expect(await valuesOnOldKeys(people, resealers)).toBe(25 * 3);
  let edited = false;
  const first = await resealCollection(people, resealers, {
    batchSize: 10,
    afterRead: async (ids) => {
      if (edited || !ids.includes(idOf(12))) return;
      edited = true;
      // Someone changes the phone (still under k1, as a replica not yet restarted would).
      await People.updateOne(
        { _id: idOf(12) },
        { $set: { 'contacts.0.phone': before.seal(phoneOf(12)) } },
      );
    },
  });
  expect(first).toEqual({ collection: 'people', total: 27, done: 27, resealed: 24, skipped: 1 });
  // The edit was kept, not overwritten, and the document still waits for its reseal.
  const twelve = await People.collection.findOne({ _id: idOf(12) as never });
  expect(twelve!.idNumber.enc.startsWith('v2.k1.')).toBe(true);
  expect(await valuesOnOldKeys(people, resealers)).toBe(3);

  const second = await resealCollection(people, resealers, { batchSize: 10 });
  expect(second).toMatchObject({ done: 27, resealed: 1, skipped: 0 });
  expect(await valuesOnOldKeys(people, resealers)).toBe(0);
  await expectAllUnderK2();
});

test('the BullMQ job runs once at a time, reports its progress and leaves nothing on k1', async () => {
  await People.updateOne({ _id: idOf(3) }, { $set: { idNumber: before.seal(idNumberOf(3)) } });
  const connection = createRedis(ctx.infra.redisUrl, ctx.logger);
  const job = new KeyResealJob({
    service: 'kit',
    collections: [people],
    resealers,
    connection,
    prefix: uniqueName(),
    logger: ctx.logger,
    batchSize: 5,
  });
  try {
    const idle = await job.status();
    expect(idle.run).toBeNull();
    expect(idle.collections).toEqual([{ collection: 'people', valuesOnOldKeys: 1 }]);

    // Started twice before a worker runs: one run.
    const [a, b] = await Promise.all([job.request(), job.request()]);
    expect(b).toBe(a);
    expect((await job.status()).run).toMatchObject({ id: a, state: 'waiting' });
    job.start();

    let status = await job.status();
    for (let i = 0; i < 100 && status.run?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await job.status();
    }
    expect(status.run).toMatchObject({
      id: a,
      state: 'completed',
      progress: {
        collections: [{ collection: 'people', total: 27, done: 27, resealed: 1, skipped: 0 }],
      },
    });
    expect(status.collections).toEqual([{ collection: 'people', valuesOnOldKeys: 0 }]);
    await expectAllUnderK2();
  } finally {
    await job.stop();
    connection.disconnect();
  }
});
