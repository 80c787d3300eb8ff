// Benchmark of backup and restore (issue 25 item 1). Seeds a registry database with N copies
// of a household the registry itself stored (three members, personal data sealed as in
// production) — by default about the demo county's 25,000 people — backs it up while the
// registry runs, drops it and restores it; prints both times, sizes and the engine. Usage:
//   eval "$(bash deploy/local/up)"; npm run bench:backup -- --households 8400
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, openConnections, restore } from '@fupin/backup';
import { engineName } from '../common/engine';
import { registryWithTemplate } from '../common/registry-template';
import { seedCopies } from './seed';

const { values: args } = parseArgs({
  options: { households: { type: 'string', default: '8400' } },
});
const households = Number(args.households);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const secondsSince = (t0: number) => (performance.now() - t0) / 1000;

async function main(): Promise<void> {
  const key = randomBytes(32);
  const c = await openConnections();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-backup-'));
  const { t, template } = await registryWithTemplate();
  const dbName = t.rt.conn.name;
  try {
    const plainBytes = await seedCopies(t.rt.conn, template, households);
    const targets = [{ service: 'registry', db: dbName }];

    let t0 = performance.now();
    const manifest = await backup({
      mongo: c.mongo,
      admin: c.admin,
      targets,
      groupPrefix: t.config.KAFKA_TOPIC_PREFIX,
      out: dir,
      key,
    });
    const backupSeconds = secondsSince(t0);
    const entries = manifest.databases.flatMap((d) => d.collections);
    const documents = entries.reduce((n, e) => n + e.count, 0);
    const sealed = entries.reduce((n, e) => n + e.bytes, 0);

    await t.close();
    await c.mongo.db(dbName).dropDatabase();
    t0 = performance.now();
    const restored = await restore({ mongo: c.mongo, admin: c.admin, from: dir, key });
    const restoreSeconds = secondsSince(t0);

    const lines = [
      `backup/restore benchmark — ${new Date().toISOString()}`,
      `engine: ${await engineName(c.mongo.db(dbName))}`,
      `fixture: ${households} copies of one registry household (3 members) in one database — about the demo county's registry (25,000 people), not the whole demo county (its seed needs the full platform)`,
      `documents: ${documents} in ${entries.length} collections; households BSON ${mb(plainBytes)} → sealed files ${mb(sealed)} (identical copies compress far better than a real county)`,
      `backup:  ${backupSeconds.toFixed(2)} s (${Math.round(documents / backupSeconds)} documents/s)`,
      `restore: ${restoreSeconds.toFixed(2)} s (${Math.round(restored.documents / restoreSeconds)} documents/s, verify pass included)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await c.mongo.db(dbName).dropDatabase();
    await c.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
