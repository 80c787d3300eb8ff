// npm run backup -- --out <dir>    npm run restore -- --from <dir>
// Reads MONGO_URL, KAFKA_BROKERS, BACKUP_KEY, and optionally BACKUP_DATABASES and
// KAFKA_TOPIC_PREFIX (only the consumer groups of that environment). See README "Backup and restore".
import { parseArgs } from 'node:util';
import { backup } from './backup';
import { openConnections } from './connections';
import { backupKeyFrom } from './key';
import { restore } from './restore';
import { databaseTargets } from './targets';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function runBackup(out: string): Promise<void> {
  const key = backupKeyFrom();
  const c = await openConnections();
  const started = performance.now();
  try {
    const manifest = await backup({
      mongo: c.mongo,
      admin: c.admin,
      targets: databaseTargets(),
      groupPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
      out,
      key,
    });
    const all = manifest.databases.flatMap((d) => d.collections);
    const documents = all.reduce((n, e) => n + e.count, 0);
    const bytes = all.reduce((n, e) => n + e.bytes, 0);
    process.stdout.write(
      `backup: ${manifest.databases.length} databases, ${all.length} collections, ${documents} documents, ${bytes} bytes, ${manifest.kafka.groups.length} consumer groups in ${seconds(started)} s → ${out}\n`,
    );
  } finally {
    await c.close();
  }
}

async function runRestore(from: string): Promise<void> {
  const key = backupKeyFrom();
  const c = await openConnections();
  const started = performance.now();
  try {
    const r = await restore({ mongo: c.mongo, admin: c.admin, from, key });
    process.stdout.write(
      `restore: ${r.manifest.databases.length} databases, ${r.collections} collections, ${r.documents} documents, ${r.groups} consumer groups in ${seconds(started)} s (backup of ${r.manifest.startedAt})\n`,
    );
  } finally {
    await c.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, from: { type: 'string' } },
  });
  if (command === 'backup' && values.out) return runBackup(values.out);
  if (command === 'restore' && values.from) return runRestore(values.from);
  throw new Error('usage: backup --out <dir> | restore --from <dir>');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
