import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProjectedHousehold } from '@fupin/kit';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  idNumber,
  registerInRegistry,
  seedRegistryAreas,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
  VILLAGE_B1,
} from '../../../services/assistance/test/fixtures/assistance';
import { backup, type Connections, type Manifest, openConnections, restore } from '../src';
import { databaseChecksums } from './support/checksums';

/**
 * The restore drill: the registry and assistance (whose household projection consumes the
 * registry's events) run; a backup is taken while they run; more is written after it; both
 * databases are destroyed and restored; assistance restarts from the restored offsets and its
 * projection converges to everything the registry published, each effect once.
 */
const key = randomBytes(32);
let c: Connections;
let dir: string;
let t: TestAssistance | undefined;
let restarted: TestAssistance | undefined;
/** The restored registry database, which no running service drops at the end. */
let registryDb: string | undefined;

beforeAll(async () => {
  c = await openConnections();
  dir = await mkdtemp(path.join(os.tmpdir(), 'fupin-backup-'));
});
afterAll(async () => {
  await restarted?.close();
  await t?.close();
  if (registryDb) await c.mongo.db(registryDb).dropDatabase();
  await c?.close();
  await rm(dir, { recursive: true, force: true });
});

const projectedIn = (a: TestAssistance) =>
  a.assistance.models.projected
    .find({ revision: { $gt: 0 } })
    .sort({ _id: 1 })
    .lean<ProjectedHousehold[]>();

async function addMember(a: TestAssistance, householdId: string, seq: number) {
  const res = await request(a.registry!.app)
    .post(`/households/${householdId}/members`)
    .set(as(a.tokens.county))
    .send({ name: `子女${seq}`, idNumber: idNumber('2012-04-04', seq), relation: 'son' });
  expect(res.status).toBe(201);
}

test('a platform restored from a backup taken while it ran converges and applies each event once', async () => {
  t = await startAssistance({ registry: true });
  registryDb = t.registryRt!.conn.name;
  const assistanceDb = t.rt.conn.name;
  await seedRegistryAreas(t);
  const before: string[] = [];
  for (let i = 1; i <= 4; i += 1)
    before.push((await registerInRegistry(t, `BK-${i}`, i % 2 ? VILLAGE_A1 : VILLAGE_B1, i)).id);
  await addMember(t, before[0]!, 201);
  await eventually(async () => expect(await projectedIn(t!)).toHaveLength(4), {
    timeoutMs: 60_000,
  });

  // Arrange: a backup taken while both run, then more written (published after the backup).
  const manifest: Manifest = await backup({
    mongo: c.mongo,
    admin: c.admin,
    targets: [
      { service: 'registry', db: registryDb },
      { service: 'assistance', db: assistanceDb },
    ],
    groupPrefix: t.prefix,
    out: dir,
    key,
  });
  const after: string[] = [];
  for (let i = 5; i <= 6; i += 1)
    after.push((await registerInRegistry(t, `BK-${i}`, VILLAGE_A1, i)).id);
  await addMember(t, before[1]!, 202);
  await eventually(async () => expect(await projectedIn(t!)).toHaveLength(6), {
    timeoutMs: 60_000,
  });
  const issuer = t.issuer;
  const prefix = t.prefix;

  // A restore over live data is refused before it writes anything.
  await expect(restore({ mongo: c.mongo, admin: c.admin, from: dir, key })).rejects.toThrow(
    /not empty/,
  );

  // Act: the services stopped, the data destroyed (both databases dropped), then restored.
  await t.close();
  t = undefined;
  for (const db of [registryDb, assistanceDb]) await c.mongo.db(db).dropDatabase();
  const result = await restore({ mongo: c.mongo, admin: c.admin, from: dir, key });

  // Assert: what was restored is what the manifest counted and hashed.
  expect(result.documents).toBe(
    manifest.databases.flatMap((d) => d.collections).reduce((n, e) => n + e.count, 0),
  );
  for (const database of manifest.databases)
    expect(await databaseChecksums(c.mongo.db(database.db))).toEqual(
      database.collections.map(({ name, count, sha256 }) => ({ name, count, sha256 })),
    );
  for (const database of manifest.databases)
    for (const entry of database.collections) {
      const indexes = await c.mongo.db(database.db).collection(entry.name).listIndexes().toArray();
      expect(indexes.map((ix) => ix.name).sort()).toEqual(
        ['_id_', ...entry.indexes.map((ix) => ix.name)].sort(),
      );
    }
  expect(
    manifest.databases
      .find((d) => d.service === 'registry')
      ?.collections.find((e) => e.name === 'households')?.indexes.length,
  ).toBeGreaterThan(0);
  const registryHouseholds = await c.mongo
    .db(registryDb)
    .collection<{ _id: string; revision: number }>('households')
    .find()
    .toArray();
  expect(registryHouseholds.map((h) => h._id).sort()).toEqual([...before].sort());
  expect(manifest.kafka.groups.map((g) => g.groupId)).toContain(
    `${prefix}.assistance.registry-projection`,
  );

  // The consumers resume from the restored offsets and read what came after the backup.
  restarted = await startAssistance({
    prefix,
    issuer,
    env: { MONGO_DB: assistanceDb, REGISTRY_URL: 'http://127.0.0.1:9' },
  });
  const projected = await eventually(
    async () => {
      const rows = await projectedIn(restarted!);
      expect(rows.map((h) => h._id)).toEqual([...before, ...after].sort());
      expect(rows.find((h) => h._id === before[1])?.size).toBe(2);
      return rows;
    },
    { timeoutMs: 90_000, intervalMs: 250 },
  );
  // Each effect once: no member twice, sizes as registered, revisions as the registry's.
  for (const h of projected) {
    const memberIds = h.members.map((m) => m.id);
    expect(new Set(memberIds).size).toBe(memberIds.length);
  }
  const sizes = Object.fromEntries(projected.map((h) => [h._id, h.size]));
  expect(sizes).toEqual(
    Object.fromEntries(
      [...before, ...after].map((id) => [id, id === before[0] || id === before[1] ? 2 : 1]),
    ),
  );
  for (const h of registryHouseholds)
    expect(projected.find((p) => p._id === h._id)?.revision).toBeGreaterThanOrEqual(h.revision);
}, 180_000);
