// Benchmark of the event path (registry → Kafka → every service's registry projection).
// Starts the registry and the five services that project its households (each its own
// process from services/<name>/src/main.ts, its own database, as the shutdown test does),
// imports a generated county through the registry's real import path (upload → BullMQ job →
// households with their outbox → relay → Kafka), then prints per service how long after the
// import's end its projection had every event, and the events per second it took them at.
// Then, while a load mix of lists runs on every service, changes one household at a time
// through the registry API and times until each projection shows the change (p50/p95).
// Targets (issue 17): catch-up ≤ 60 s after the import's end, p95 of a change ≤ 1 s.
// Usage:
//   eval "$(bash deploy/local/up)"; npm run bench:event-path -- [--people 25000]
//     [--changes 40] [--connections 20]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  connectMongo,
  consumerGroupName,
  createKafka,
  createLogger,
  REGISTRY_PROJECTION_TOPICS,
  topicName,
  generatePersonalDataKey,
  REGISTERED_HOUSEHOLDS,
} from '@fupin/kit';
import {
  createTestIssuer,
  getInfra,
  listeningPort,
  startTsProcess,
  uniqueDbName,
  uniqueName,
} from '@fupin/testing';
import type { ChildProcess } from 'node:child_process';
import type { Admin } from 'kafkajs';
import type { Db, MongoClient } from 'mongodb';
import { engineName } from '../common/engine';
import { writeWorkbook } from '../registry-import/generate';
import { benchAreaTreeCsv, COUNTY } from '../registry-list/seed';
import { percentile } from '../common/stats';
import { loadMix, timeOneChange } from './changes';

const TARGET_CATCH_UP_MS = 60_000;
const TARGET_CHANGE_P95_MS = 1000;
/** Gives up on a projection that has not caught up by then (it is reported as not caught up). */
const CATCH_UP_LIMIT_MS = 20 * 60_000;
const ROOT = path.resolve(__dirname, '../..');
/** The services that keep a registry projection, and a list each serves (for the load mix). */
const CONSUMERS: Record<string, string> = {
  assistance: '/households',
  funds: '/projects',
  support: '/persons',
  matching: '/runs',
  assessment: '/rankings',
};
/** The consumer group of each projection (assessment's also feeds its indicators). */
const GROUP_PURPOSE: Record<string, string> = { assessment: 'indicators' };

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '25000' },
    changes: { type: 'string', default: '40' },
    connections: { type: 'string', default: '20' },
    // The five services start only after the import: they drain the county as a backlog.
    backlog: { type: 'boolean', default: false },
  },
});
const people = Number(args.people);
const changes = Number(args.changes);
const connections = Number(args.connections);
if (![people, changes, connections].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--people, --changes and --connections are positive whole numbers');
  process.exit(2);
}
// The generator's households have 3.5 members on average.
const households = Math.round(people / 3.5);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Running {
  name: string;
  url: string;
  db: string;
  child: ChildProcess;
  output: () => string;
}

/** The platform's services, started as in production, on the shared servers. */
async function startPlatform() {
  const infra = await getInfra();
  const issuer = await createTestIssuer();
  const prefix = uniqueName('eventpath');
  const modules = ['registry', ...Object.keys(CONSUMERS)];
  const token = await issuer.sign(
    {
      area: COUNTY,
      roles: ['poverty_office'],
      rights: Object.fromEntries(modules.map((m) => [m, ['read', 'write', 'approve']])),
    },
    // A county-sized import on a busy machine outlasts the default 15 minutes.
    { expiresIn: '6h' },
  );
  const common = {
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_URL: infra.redisUrl,
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    // The "listening" line names the port (listeningPort reads it).
    LOG_LEVEL: 'info',
  };
  const running: Running[] = [];
  const start = async (name: string, extra: Record<string, string> = {}) => {
    const db = uniqueDbName(`ep_${name}`);
    const proc = startTsProcess(path.join(ROOT, `services/${name}/src/main.ts`), {
      ...common,
      PORT: '0',
      MONGO_DB: db,
      ...extra,
    });
    const r: Running = { name, db, url: '', ...proc };
    running.push(r);
    r.url = `http://127.0.0.1:${await listeningPort(proc, name, 180_000)}`;
    for (const deadline = Date.now() + 180_000; ; await sleep(300)) {
      const ok = await fetch(`${r.url}/readyz`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || r.child.exitCode !== null)
        throw new Error(`${name} not ready:\n${r.output().slice(-3000)}`);
    }
    return r;
  };
  const stop = async () => {
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await sleep(3000);
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  };
  try {
    const registry = await start('registry');
    const startConsumers = () =>
      Promise.all(
        Object.keys(CONSUMERS).map((name) => start(name, { REGISTRY_URL: registry.url })),
      );
    return { infra, prefix, token, registry, startConsumers, running, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Uploads the workbook to the registry's import endpoint and waits for the job to end, after the
 * county's area tree (the import stores households only under villages of the tree).
 */
async function importCounty(registryUrl: string, token: string, file: string) {
  const areas = await fetch(`${registryUrl}/areas/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: benchAreaTreeCsv(),
  });
  if (!areas.ok)
    throw new Error(`the area tree import answered ${areas.status}: ${await areas.text()}`);
  const res = await fetch(`${registryUrl}/imports/households?fileName=county.xlsx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: await readFile(file),
  });
  if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  let lastReport = Date.now();
  for (;;) {
    await sleep(250);
    const progress = await fetch(`${registryUrl}/imports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (progress.status !== 200)
      throw new Error(
        `the import's progress answered ${progress.status}: ${await progress.text()}`,
      );
    const job = (await progress.json()) as {
      status: string;
      rowsDone: number;
      rowsTotal: number | null;
      counts: { householdsCreated: number; rowsRejected: number };
    };
    if (job.status === 'completed') return job;
    if (job.status === 'failed') throw new Error(`the import failed: ${JSON.stringify(job)}`);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`importing:   ${job.status} ${job.rowsDone}/${job.rowsTotal ?? '?'} rows`);
    }
  }
}

/**
 * How many of the registry's events a service's projection consumer has handled: the sum of its
 * group's committed offsets on the two registry topics (each new topic starts at offset 0). Read
 * from the broker, so watching costs the database nothing (counting processed ids did: SecantusDB
 * scans for an `_id` range, and five counts every 200 ms took most of its time).
 */
async function processedCount(admin: Admin, prefix: string, group: string): Promise<number> {
  const topics = REGISTRY_PROJECTION_TOPICS.map((t) => topicName(prefix, t));
  const offsets = await admin.fetchOffsets({ groupId: group, topics });
  return offsets
    .flatMap((t) => t.partitions)
    .reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

interface CatchUp {
  /** When the first event was processed (ms since the import started), and the last. */
  firstMs: number | null;
  doneMs: number | null;
  processed: number;
}

/** Polls every projection until it has `expected` events (or the limit passes). */
async function catchUps(
  watch: { admin: Admin; prefix: string; names: string[] },
  groups: Map<string, string>,
  expected: number,
  t0: number,
  until: Promise<unknown>,
): Promise<Map<string, CatchUp>> {
  const state = new Map<string, CatchUp>(
    watch.names.map((n) => [n, { firstMs: null, doneMs: null, processed: 0 }]),
  );
  let importDone = false;
  void until.then(() => (importDone = true));
  let lastReport = Date.now();
  for (;;) {
    const now = performance.now() - t0;
    await Promise.all(
      watch.names.map(async (name) => {
        const s = state.get(name)!;
        if (s.doneMs !== null) return;
        s.processed = await processedCount(watch.admin, watch.prefix, groups.get(name)!);
        if (s.processed > 0 && s.firstMs === null) s.firstMs = now;
        if (importDone && s.processed >= expected) s.doneMs = now;
      }),
    );
    const waiting = [...state.values()].filter((s) => s.doneMs === null);
    if (importDone && waiting.length === 0) return state;
    if (now > CATCH_UP_LIMIT_MS) return state;
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(
        `projections: ${[...state].map(([n, s]) => `${n} ${s.processed}`).join(', ')} of ${expected} (${load()})`,
      );
    }
    await sleep(200);
  }
}

type Platform = Awaited<ReturnType<typeof startPlatform>>;

/**
 * The import, and every projection catching up (or, with --backlog, draining it after the
 * consumers are started): prints each service's catch-up, answers the running consumers.
 */
async function importAndCatchUp(
  platform: Platform,
  client: MongoClient,
  admin: Admin,
  file: string,
  rows: number,
) {
  const expected = households + rows;
  const consumers = args.backlog ? [] : await platform.startConsumers();
  const t0 = performance.now();
  const imported = importCounty(platform.registry.url, platform.token, file);
  const importEnd = imported.then(() => performance.now() - t0);
  if (args.backlog) {
    await imported;
    console.log(`import:      ${seconds(await importEnd)} (${load()} at its end)`);
  }
  const tDrain = performance.now();
  if (args.backlog) consumers.push(...(await platform.startConsumers()));
  const dbs = new Map(consumers.map((r) => [r.name, client.db(r.db)]));
  const groups = new Map(
    consumers.map((r) => [
      r.name,
      consumerGroupName(platform.prefix, r.name, GROUP_PURPOSE[r.name] ?? 'registry-projection'),
    ]),
  );
  const caught = catchUps(
    { admin, prefix: platform.prefix, names: [...dbs.keys()] },
    groups,
    expected,
    args.backlog ? tDrain : t0,
    args.backlog ? Promise.resolve(0) : importEnd,
  );
  const job = await imported;
  const importMs = args.backlog ? 0 : await importEnd;
  if (job.counts.householdsCreated !== households || job.counts.rowsRejected !== 0)
    throw new Error(
      `the import stored ${job.counts.householdsCreated} households: ${JSON.stringify(job.counts)}`,
    );
  if (!args.backlog)
    console.log(
      `import:      ${seconds(importMs)} (${load()} at its end); ${expected.toLocaleString('en')} events (a registration per household, an addition per member)`,
    );
  const allCaughtUp = await reportCatchUps(await caught, dbs, expected, importMs);
  return { consumers, dbs, allCaughtUp };
}

/** Each service's catch-up after the import; whether every one met the target. */
async function reportCatchUps(
  state: Map<string, CatchUp>,
  dbs: Map<string, Db>,
  expected: number,
  importMs: number,
): Promise<boolean> {
  let allCaughtUp = true;
  for (const [name, s] of state) {
    const projected = await dbs
      .get(name)!
      .collection('registry_households')
      .countDocuments(REGISTERED_HOUSEHOLDS);
    if (s.doneMs === null) {
      allCaughtUp = false;
      console.log(
        `catch-up:    ${name.padEnd(10)} NOT caught up after ${seconds(CATCH_UP_LIMIT_MS)}: ${s.processed}/${expected} events, ${projected} households`,
      );
      continue;
    }
    const after = Math.max(0, s.doneMs - importMs);
    allCaughtUp &&= after <= TARGET_CATCH_UP_MS;
    const rate = expected / ((s.doneMs - (s.firstMs ?? 0)) / 1000);
    console.log(
      `catch-up:    ${name.padEnd(10)} ${seconds(after)} after ${args.backlog ? 'its process was started' : "the import's end"}; ${Math.round(rate).toLocaleString('en')} events/s from its first event to its last; ${projected.toLocaleString('en')} households`,
    );
  }
  return allCaughtUp;
}

/** Single changes under a load mix: how long until every projection shows each. */
async function singleChanges(
  platform: Platform,
  consumers: Running[],
  dbs: Map<string, Db>,
): Promise<number> {
  const list = await fetch(
    `${platform.registry.url}/households?range=${encodeURIComponent('[0,199]')}`,
    { headers: { authorization: `Bearer ${platform.token}` } },
  );
  const pool = ((await list.json()) as { id: string }[]).map((h) => h.id);
  const mix = loadMix(
    [
      { url: platform.registry.url, path: `/households?range=${encodeURIComponent('[0,24]')}` },
      ...consumers.map((r) => ({
        url: r.url,
        path: `${CONSUMERS[r.name]}?range=${encodeURIComponent('[0,24]')}`,
      })),
    ],
    platform.token,
    connections,
  );
  const latencies = new Map<string, number[]>(consumers.map((r) => [r.name, []]));
  const everywhere: number[] = [];
  const tLoad = performance.now();
  for (let i = 0; i < changes; i++) {
    const seen = await timeOneChange(
      platform.registry.url,
      platform.token,
      pool[i % pool.length]!,
      dbs,
    );
    for (const [name, ms] of seen) latencies.get(name)!.push(ms);
    everywhere.push(Math.max(...seen.values()));
    await sleep(250);
  }
  const { latencies: loadLatencies, statuses } = await mix.stop();
  const loadSeconds = (performance.now() - tLoad) / 1000;
  console.log(
    `load mix:    ${connections} connections on lists of the registry and every service for ${loadSeconds.toFixed(0)} s: ${loadLatencies.length} answers (${(loadLatencies.length / loadSeconds).toFixed(0)}/s), p50 ${percentile(loadLatencies, 50).toFixed(0)} ms, p95 ${percentile(loadLatencies, 95).toFixed(0)} ms; answers ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`,
  );
  for (const [name, list] of latencies) {
    list.sort((a, b) => a - b);
    console.log(
      `change:      ${name.padEnd(10)} p50 ${percentile(list, 50).toFixed(0)} ms, p95 ${percentile(list, 95).toFixed(0)} ms, max ${list.at(-1)!.toFixed(0)} ms (${changes} changes)`,
    );
  }
  everywhere.sort((a, b) => a - b);
  const p95 = percentile(everywhere, 95);
  console.log(
    `change:      in every projection p50 ${percentile(everywhere, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
  );
  return p95;
}

async function main(): Promise<void> {
  const logger = createLogger({ name: 'bench-event-path', level: 'warn' });
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-event-path-'));
  const file = path.join(dir, 'county.xlsx');
  const rows = await writeWorkbook(file, households);
  const platform = await startPlatform();
  // An interrupted run still stops the services it started.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void platform.stop().then(() => process.exit(130)));
  const conn = await connectMongo({ url: platform.infra.mongoUrl, dbName: 'admin', logger });
  const client = conn.getClient();
  const admin = createKafka({
    brokers: platform.infra.kafkaBrokers,
    clientId: 'bench-event-path',
    logger,
  }).admin();
  await admin.connect();
  try {
    console.log(`date:        ${new Date().toISOString()}`);
    console.log(`engine:      ${await engineName(client.db('admin'))}`);
    console.log(
      `county:      ${households.toLocaleString('en')} households, ${rows.toLocaleString('en')} people (XLSX through POST /imports/households)`,
    );
    console.log(
      `services:    registry + ${Object.keys(CONSUMERS).join(', ')}, each its own process` +
        (args.backlog ? ', started after the import (they drain it as a backlog)' : ''),
    );
    const { consumers, dbs, allCaughtUp } = await importAndCatchUp(
      platform,
      client,
      admin,
      file,
      rows,
    );
    const p95 = await singleChanges(platform, consumers, dbs);
    console.log(
      `target:      catch-up ≤ ${seconds(TARGET_CATCH_UP_MS)} in every service: ${met(allCaughtUp)}; ` +
        `change visible everywhere p95 ≤ ${TARGET_CHANGE_P95_MS} ms: ${met(p95 <= TARGET_CHANGE_P95_MS)}`,
    );
  } finally {
    await platform.stop();
    for (const r of platform.running)
      await client
        .db(r.db)
        .dropDatabase()
        .catch(() => undefined);
    await admin.disconnect();
    await conn.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
