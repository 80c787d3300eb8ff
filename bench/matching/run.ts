// Benchmark of cross-department matching (数据比对) through the service's real code path:
// generates a registry and nine department lists (deterministic), seeds the person index,
// uploads every list over HTTP (streamed, normalised, checked, hashed, sealed, stored), runs a
// full match as the BullMQ job, and prints wall time, rows/s and peak memory; then DuckDB does
// the same joins on the same CSV files, and the ratio and the per-rule counts are compared.
// Usage:
//   eval "$(bash deploy/local/up)"; npm run bench:matching -- --people 20000 --rows 100000
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createLogger,
  generatePersonalDataKey,
  listen,
  loadConfig,
  openRuntime,
  type ProjectedHousehold,
} from '@fupin/kit';
import { createTestIssuer, getInfra } from '@fupin/testing';
import { matchingConfigSchema } from '../../services/matching/src/config';
import { engineName } from '../common/engine';
import { createMatching } from '../../services/matching/src/matching';
import { duckdbMatch } from './duckdb';
import { COUNTY, generate, LIST_DATE, type SeedHousehold } from './generate';

const TARGET_RATIO = 2;
const TARGET_PEAK_BYTES = 2 * 1024 ** 3;

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    rows: { type: 'string', default: '5000000' },
    seed: { type: 'string', default: '20260331' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Profiling only: the outbox relay paused during the timed part and drained (timed) after,
    // to tell the run's own writes from the relay's updates of the same findings.
    'hold-relay': { type: 'boolean', default: false },
  },
});
const people = Number(args.people);
const rows = Number(args.rows);
const seed = Number(args.seed);
if (![people, rows, seed].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--people, --rows and --seed are positive whole numbers');
  process.exit(2);
}

/** Peak resident memory of this process while `fn` runs (sampled), and its result. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = Date.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: Date.now() - started, peak };
  } finally {
    clearInterval(timer);
  }
}

/** The projected-household shape the person index is derived from. */
function projected(h: SeedHousehold, at: Date): ProjectedHousehold {
  return {
    _id: h.id,
    householdNo: h.id.toUpperCase(),
    areaCode: h.areaCode,
    groupNo: 1,
    status: h.status,
    attribute: null,
    mainCause: null,
    otherCauses: [],
    size: h.members.length,
    perCapitaIncomeFen: h.perCapitaIncomeFen,
    incomeYear: h.incomeYear,
    housingGrade: h.housingGrade,
    guarantees: {
      food: true,
      clothing: true,
      compulsory_education: true,
      basic_medical: true,
      housing_safety: h.housingGrade === 'A' || h.housingGrade === 'B',
      safe_water: true,
    },
    identificationYear: 2016,
    exitYear: null,
    partyMember: false,
    revision: 1,
    seq: 1,
    projectedAt: at,
    members: [],
  };
}

function post(url: string, file: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Where a run's time goes: the service's own person-index read, list segment reads and finding
 * writes are wrapped with timers (the run itself is unchanged); the rest of the run is the join.
 */
function timePhases(matching: Awaited<ReturnType<typeof createMatching>>) {
  const t = { loadIndexMs: 0, readRowsMs: 0, recordMs: 0, summaryMs: 0, segments: 0, batches: 0 };
  const { persons, lists, findings } = matching;
  const load = persons.load.bind(persons);
  persons.load = async () => {
    const t0 = Date.now();
    try {
      return await load();
    } finally {
      t.loadIndexMs += Date.now() - t0;
    }
  };
  const rows = lists.rows.bind(lists);
  lists.rows = async function* (listId: string, segments: number) {
    const it = rows(listId, segments)[Symbol.asyncIterator]();
    for (;;) {
      const t0 = Date.now();
      const next = await it.next();
      t.readRowsMs += Date.now() - t0;
      if (next.done) return;
      t.segments++;
      yield next.value;
    }
  };
  const record = findings.record.bind(findings);
  findings.record = async (...a: Parameters<typeof record>) => {
    const t0 = Date.now();
    try {
      return await record(...a);
    } finally {
      t.recordMs += Date.now() - t0;
      t.batches++;
    }
  };
  const summary = findings.runSummary.bind(findings);
  findings.runSummary = async (runId: string) => {
    const t0 = Date.now();
    try {
      return await summary(runId);
    } finally {
      t.summaryMs += Date.now() - t0;
    }
  };
  return t;
}

async function startMatching() {
  const infra = await getInfra();
  const issuer = await createTestIssuer();
  const config = loadConfig(matchingConfigSchema, {
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: `bench_matching_${Date.now().toString(36)}`,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `bench-matching-${Date.now().toString(36)}`,
    REDIS_URL: infra.redisUrl,
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    MATCHING_MAX_UPLOAD_BYTES: String(8 * 1024 ** 3),
  });
  const logger = createLogger({ name: 'bench-matching', level: config.LOG_LEVEL });
  const rt = await openRuntime('matching', config, logger);
  const matching = await createMatching(rt, config, {
    queuePrefix: config.KAFKA_TOPIC_PREFIX,
    consume: false,
  });
  const server = await listen(matching.app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = await issuer.sign({
    sub: 'bench',
    name: 'bench',
    area: COUNTY,
    rights: { matching: ['read', 'write', 'approve'] },
  });
  return { rt, matching, server, base, token };
}
type Bench = Awaited<ReturnType<typeof startMatching>>;
type Generated = Awaited<ReturnType<typeof generate>>;

/** Setup (not timed against DuckDB): the files, and the person index derived from households. */
async function setUp(matching: Bench['matching'], dir: string): Promise<Generated> {
  const at = new Date();
  let seedMs = 0;
  const gen = await measured(() =>
    generate({
      people,
      rows,
      dir,
      seed,
      pageSize: 50_000,
      onHouseholds: async (page) => {
        const t0 = Date.now();
        await matching.persons.applyMany(
          page.map((h) => ({
            before: null,
            after: {
              ...projected(h, at),
              members: h.members.map((m) => ({
                ...m,
                householdId: h.id,
                idHash: matching.cipher.hash(m.idNumber),
                relation: 'member',
                schoolStage: null,
                inSchool: false,
                health: null,
                labourCapacity: null,
                medicalInsurance: true,
                pensionInsurance: true,
                at,
              })),
            },
          })),
        );
        seedMs += Date.now() - t0;
      },
    }),
  );
  const g = gen.value;
  const listRows = g.lists.reduce((n, l) => n + l.rows, 0);
  console.log(
    `setup:       generated ${g.households.toLocaleString()} households and ${listRows.toLocaleString()} rows in ${s(gen.ms - seedMs)}; person index seeded in ${s(seedMs)}`,
  );
  return g;
}

interface RunView {
  status: string;
  summary: { byRule: Record<string, number>; found: number } | null;
  progress: { rowsRead: number; matched: number; people: number };
}

/** Timed: import of every list (HTTP upload, streamed), then one full run (the BullMQ job). */
async function importAndRun({ base, token }: Bench, g: Generated) {
  const t0 = Date.now();
  for (const l of g.lists) {
    const res = await post(`${base}/lists?type=${l.type}&date=${LIST_DATE}`, l.file, token);
    if (res.status !== 201) throw new Error(`upload ${l.type}: ${res.status} ${res.body}`);
  }
  const importMs = Date.now() - t0;
  const t1 = Date.now();
  const started = await fetch(`${base}/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const { id } = (await started.json()) as { id: string };
  for (;;) {
    const r = (await (
      await fetch(`${base}/runs/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as RunView;
    if (r.status === 'completed') return { importMs, matchMs: Date.now() - t1, run: r };
    if (r.status === 'failed') throw new Error(`run failed: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Publishes what a held relay kept back, timed apart from the run. */
async function releaseRelay(matching: Bench['matching']): Promise<void> {
  const t0 = Date.now();
  let events = 0;
  // runOnce rather than drain(): a stopped relay's drain ends after one pass.
  for (let n = -1; n !== 0; events += n) n = await matching.relay.runOnce();
  console.log(
    `relay:       held during the run; ${events.toLocaleString()} events published after it in ${s(Date.now() - t0)} (not in "ours")`,
  );
}

/** Every rule's count, ours against DuckDB's; whether they all agree. */
function compareRules(ours: Record<string, number>, duck: Record<string, number>): boolean {
  const rules = [...new Set([...Object.keys(ours), ...Object.keys(duck)])].sort();
  let agree = true;
  console.log('rule                      ours     duckdb');
  for (const r of rules) {
    const a = ours[r] ?? 0;
    const b = duck[r] ?? 0;
    if (a !== b) agree = false;
    console.log(
      `${r.padEnd(24)} ${String(a).padStart(7)} ${String(b).padStart(9)}${a === b ? '' : '   ← differs'}`,
    );
  }
  console.log(`findings:    ${agree ? 'the same count for every rule' : 'COUNTS DIFFER'}`);
  return agree;
}

async function main(): Promise<void> {
  const dir = args.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-matching-'));
  const bench = await startMatching();
  const { rt, matching, server } = bench;
  const engine = await engineName(rt.conn.db!);
  const phases = timePhases(matching);
  try {
    console.log(`engine:      ${engine}`);
    console.log(
      `data:        ${people.toLocaleString()} registry people, ${rows.toLocaleString()} department rows, seed ${seed}, in ${dir}`,
    );
    const g = await setUp(matching, dir);
    const listRows = g.lists.reduce((n, l) => n + l.rows, 0);
    if (args['hold-relay']) await matching.relay.stop();
    const ours = await measured(() => importAndRun(bench, g));
    const { importMs, matchMs, run } = ours.value;
    console.log(
      `import:      ${s(importMs)}, ${Math.round(listRows / (importMs / 1000)).toLocaleString()} rows/s (parse, normalise, GB 11643, HMAC, seal, store)`,
    );
    console.log(
      `match:       ${s(matchMs)}, ${Math.round(run.progress.rowsRead / (matchMs / 1000)).toLocaleString()} rows/s; ${run.progress.people.toLocaleString()} people, ${run.progress.matched.toLocaleString()} rows matched, ${run.summary!.found.toLocaleString()} findings`,
    );
    const other =
      matchMs - phases.loadIndexMs - phases.readRowsMs - phases.recordMs - phases.summaryMs;
    console.log(
      `  profile:   person index read ${s(phases.loadIndexMs)}, list segments read ${s(phases.readRowsMs)} (${phases.segments} segments), findings recorded ${s(phases.recordMs)} (${phases.batches} batches), the run's summary counted ${s(phases.summaryMs)}, the join and the rest ${s(other)}`,
    );
    console.log(
      `ours:        ${s(ours.ms)} wall, ${Math.round(listRows / (ours.ms / 1000)).toLocaleString()} rows/s, peak RSS ${mb(ours.peak)}`,
    );
    if (args['hold-relay']) await releaseRelay(matching);
    const duck = await measured(() => duckdbMatch(g));
    console.log(
      `duckdb:      ${s(duck.value.ms)} wall (same CSV files, same joins), peak RSS of this process ${mb(duck.peak)}`,
    );
    const ratio = ours.ms / duck.value.ms;
    console.log(
      `ratio:       ${ratio.toFixed(1)}× DuckDB's time (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    console.log(
      `memory:      peak ${mb(ours.peak)} (target ≤ ${mb(TARGET_PEAK_BYTES)}: ${ours.peak <= TARGET_PEAK_BYTES ? 'met' : 'NOT met'})`,
    );
    if (!compareRules(run.summary!.byRule, duck.value.byRule)) process.exitCode = 1;
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await matching.relay.stop();
    if (!args.keep) {
      await rt.conn.dropDatabase().catch(() => undefined);
      if (!args.dir) fs.rmSync(dir, { recursive: true, force: true });
    }
    await rt.shutdown.run('bench end');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
