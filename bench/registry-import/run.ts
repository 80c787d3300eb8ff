// Benchmark of the household import (批量导入) against a bare insertMany of the same documents.
// Writes a deterministic workbook of N households (3.5 members each on average), runs it
// through the registry's ImportService exactly as the BullMQ job does (upload stored in
// chunks, rows parsed, validated, sealed, claimed and stored in batches, progress saved),
// then inserts the very documents the import stored into an empty collection with the same
// indexes using insertMany alone. Prints rows/s of both, their ratio and the peak memory.
// Usage:
//   eval "$(bash deploy/local/up)"; npm run bench:registry-import -- --households 10000
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  AuditLog,
  connectMongo,
  createLogger,
  createPersonalDataCipher,
  ensureIndexes,
  generatePersonalDataKey,
  type Principal,
  scopedRepository,
} from '@fupin/kit';
import { getInfra } from '@fupin/testing';
import { mongo, type Connection } from 'mongoose';
import {
  type Household,
  householdModel,
  idClaimModel,
} from '../../services/registry/src/households/household.model';
import { householdListModel } from '../../services/registry/src/households/list/household-list.model';
import { HouseholdListView } from '../../services/registry/src/households/list/household-list.view';
import { HouseholdService } from '../../services/registry/src/households/household.service';
import { MAX_UPLOAD_BYTES } from '../../services/registry/src/imports';
import {
  importChunkModel,
  importJobModel,
  type ImportJob,
} from '../../services/registry/src/imports/import-job.model';
import { ImportService } from '../../services/registry/src/imports/import.service';
import { databaseTime } from '../common/database-time';
import { engineName } from '../common/engine';
import { type Area, areaModel } from '../../services/registry/src/areas/area.model';
import { COUNTY, TOWNSHIPS, villagesOf } from '../registry-list/seed';
import { writeCsv, writeWorkbook } from './generate';

const TARGET_RATIO = 0.5;
const TARGET_PEAK_BYTES = 1024 ** 3;
/** Documents per bare insertMany: the import's own batches are smaller; bigger only helps bare. */
const BARE_BATCH = 1000;

const { values: args } = parseArgs({
  options: {
    households: { type: 'string', default: '100000' },
    format: { type: 'string', default: 'xlsx' },
    /** Leave the database in place (to look at it). */
    keep: { type: 'boolean', default: false },
  },
});
const households = Number(args.households);
const format = args.format;
if (!Number.isInteger(households) || households <= 0) {
  console.error('--households is a positive whole number');
  process.exit(2);
}
if (format !== 'xlsx' && format !== 'csv') {
  console.error('--format is xlsx or csv');
  process.exit(2);
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** The machine's 1-minute load average: on a shared machine the figures move with it. */
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

/** Samples the resident set size every 50 ms: the peak of a phase, not just of the process. */
function rssPeak() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/**
 * Copies a collection's documents into an empty collection with the same indexes by
 * insertMany, timing the inserts only. The documents are first written to a BSON file in
 * `dir` (off the clock), then read back batch by batch (off the clock) and inserted: the
 * stand-in's store loses chunks when one long cursor reads a collection while other
 * collections of the same store are written (`Chunk N not found`), so reading and writing
 * never overlap here.
 */
async function bareInsert(conn: Connection, source: mongo.Collection<mongo.Document>, dir: string) {
  const target = conn.db!.collection(`${source.collectionName}_bare`);
  await conn.db!.createCollection(target.collectionName);
  for (const ix of await source.listIndexes().toArray()) {
    if (ix.name === '_id_') continue;
    const { key, name: _n, v: _v, ns: _ns, ...options } = ix as mongo.Document;
    await target.createIndex(key as mongo.Document, options);
  }
  const dump = path.join(dir, `${source.collectionName}.bson`);
  const out = createWriteStream(dump);
  for await (const doc of source.find({}, { batchSize: BARE_BATCH })) {
    if (!out.write(mongo.BSON.serialize(doc))) await once(out, 'drain');
  }
  out.end();
  await finished(out);

  let ms = 0;
  let docs = 0;
  let rows = 0;
  let batch: mongo.Document[] = [];
  const insert = async () => {
    const started = performance.now();
    await target.insertMany(batch, { ordered: false });
    ms += performance.now() - started;
    docs += batch.length;
    batch = [];
  };
  for await (const doc of readBsonFile(dump)) {
    batch.push(doc);
    if (Array.isArray(doc.members)) rows += doc.members.length;
    if (batch.length >= BARE_BATCH) await insert();
  }
  if (batch.length) await insert();
  await rm(dump, { force: true });
  return { ms, docs, rows };
}

/** The documents of a file of concatenated BSON documents (each starts with its length). */
async function* readBsonFile(file: string): AsyncGenerator<mongo.Document> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let at = 0;
    while (pending.length - at >= 4) {
      const size = pending.readInt32LE(at);
      if (pending.length - at < size) break;
      yield mongo.BSON.deserialize(pending.subarray(at, at + size));
      at += size;
    }
    pending = pending.subarray(at);
  }
  if (pending.length) throw new Error(`${file}: ${pending.length} bytes after the last document`);
}

/** The bench county's area tree (the import stores households only under its villages). */
async function seedAreaTree(model: ReturnType<typeof areaModel>): Promise<void> {
  const at = new Date();
  const area = (code: string, level: Area['level'], parentCode: string | null) => ({
    _id: code,
    code,
    name: code,
    level,
    parentCode,
    status: 'active' as const,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench',
    updatedBy: 'bench',
    revision: 1,
  });
  const docs = [area(COUNTY, 'county', null)];
  for (const t of TOWNSHIPS) {
    docs.push(area(t, 'township', COUNTY));
    for (const v of villagesOf(t)) docs.push(area(v, 'village', t));
  }
  await model.collection.insertMany(docs as never[]);
}

/** The import's collaborators, built as the registry's imports module builds them. */
async function importServiceOn(conn: Connection) {
  const models = {
    areas: areaModel(conn),
    households: householdModel(conn),
    claims: idClaimModel(conn),
    jobs: importJobModel(conn),
    chunks: importChunkModel(conn),
  };
  await ensureIndexes(conn);
  const cipher = createPersonalDataCipher({
    encryptionKey: generatePersonalDataKey(),
    hmacKey: generatePersonalDataKey(),
  });
  const householdService = new HouseholdService({
    households: scopedRepository<Household>(models.households),
    claims: models.claims,
    list: new HouseholdListView({
      rows: householdListModel(conn),
      households: scopedRepository<Household>(models.households),
      cipher,
    }),
    cipher,
    audit: new AuditLog(conn, 'registry'),
  });
  await seedAreaTree(models.areas);
  const imports = new ImportService({
    jobs: scopedRepository<ImportJob>(models.jobs, 'actorArea'),
    areas: scopedRepository<Area>(models.areas, 'code'),
    chunks: models.chunks,
    households: householdService,
    now: () => new Date(),
  });
  return { models, imports };
}
type ImportSetup = Awaited<ReturnType<typeof importServiceOn>>;

const principal: Principal = {
  userId: 'bench',
  username: 'bench',
  roles: ['poverty_office'],
  areaCode: COUNTY,
  rights: { registry: ['read', 'write', 'approve'] },
};

/** Every 10 s, the job's progress (a long import is seen moving). */
function reportProgress(models: ImportSetup['models'], id: string): () => void {
  let lastReport = performance.now();
  const timer = setInterval(() => {
    void models.jobs
      .findById(id, { rowsDone: 1, rowsTotal: 1, status: 1 })
      .lean<Pick<ImportJob, 'rowsDone' | 'rowsTotal' | 'status'>>()
      .then((j) => {
        if (j && performance.now() - lastReport > 9000) {
          lastReport = performance.now();
          console.log(`importing:   ${j.status} ${j.rowsDone}/${j.rowsTotal ?? '?'} rows`);
        }
      });
  }, 10_000);
  return () => clearInterval(timer);
}

/** The import, as the job runs it: its time, its memory and where its database time went. */
async function timedImport(
  { models, imports }: ImportSetup,
  file: string,
  rows: number,
  dbTime: ReturnType<typeof databaseTime>,
) {
  dbTime.start();
  const rssBefore = process.memoryUsage.rss();
  const importPeak = rssPeak();
  const t0 = performance.now();
  const accepted = await imports.accept(principal, createReadStream(file), {
    fileName: path.basename(file),
    maxBytes: MAX_UPLOAD_BYTES,
  });
  const t1 = performance.now();
  const stopProgress = reportProgress(models, accepted.id);
  try {
    await imports.run(accepted.id);
  } finally {
    stopProgress();
  }
  const t2 = performance.now();
  const peak = importPeak();
  const byCommand = dbTime.stop();
  const job = await models.jobs.findById(accepted.id).lean<ImportJob>();
  if (!job || job.status !== 'completed')
    throw new Error(`the import did not complete: ${JSON.stringify(job?.error ?? job?.status)}`);
  if (job.counts.householdsCreated !== households || job.counts.rowsRejected !== 0) {
    throw new Error(
      `the import stored ${job.counts.householdsCreated} households and refused ${job.counts.rowsRejected} rows, e.g. ${JSON.stringify(job.rejected.slice(0, 3))}`,
    );
  }
  const importMs = t2 - t0;
  console.log(
    `import:      ${seconds(importMs)} (upload stored ${seconds(t1 - t0)}, job ${seconds(t2 - t1)}) — ${rate(rows, importMs)} rows/s, ${rate(households, importMs)} households/s (${load()} at its end)`,
  );
  console.log(
    `memory:      peak RSS ${mib(peak)} during the import (${mib(rssBefore)} before it); process peak ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
  for (const [what, { ms, calls }] of byCommand) {
    console.log(
      `database:    ${what.padEnd(24)} ${String(calls).padStart(6)} calls ${seconds(ms)}`,
    );
  }
  return { importMs, peak };
}

/** A bare insertMany of the very same documents, into empty copies of the collections. */
async function againstBare(
  conn: Connection,
  models: ImportSetup['models'],
  dir: string,
  rows: number,
  { importMs, peak }: { importMs: number; peak: number },
): Promise<void> {
  const bareHouseholds = await bareInsert(conn, models.households.collection, dir);
  if (bareHouseholds.rows !== rows)
    throw new Error(`bare: ${bareHouseholds.rows} member rows, expected ${rows}`);
  const claims = await bareInsert(conn, models.claims.collection, dir);
  const allMs = bareHouseholds.ms + claims.ms;
  console.log(
    `bare:        insertMany, ${BARE_BATCH} documents per call, of the same documents: ` +
      `${bareHouseholds.docs.toLocaleString('en')} households ${seconds(bareHouseholds.ms)} — ${rate(rows, bareHouseholds.ms)} rows/s; ` +
      `with the ${claims.docs.toLocaleString('en')} ID claims too ${seconds(allMs)} — ${rate(rows, allMs)} rows/s (${load()} at its end)`,
  );
  const ratioAll = importMs > 0 ? allMs / importMs : 0;
  const ratioHouseholds = importMs > 0 ? bareHouseholds.ms / importMs : 0;
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log(
    `ratio:       import speed / bare speed ${ratioAll.toFixed(2)} against every document the import stores ` +
      `(households + ID claims), ${ratioHouseholds.toFixed(2)} against the household documents alone`,
  );
  console.log(
    `target:      ≥ ${TARGET_RATIO} of bare: ${met(ratioAll >= TARGET_RATIO)} (households + claims), ` +
      `${met(ratioHouseholds >= TARGET_RATIO)} (households alone); ` +
      `peak ${mib(peak)} ≤ ${mib(TARGET_PEAK_BYTES)}: ${met(peak <= TARGET_PEAK_BYTES)}`,
  );
  console.log(
    'note:        besides the documents, the import reads the file twice (rows are counted for\n' +
      '             the progress total alongside), validates and seals every row, and saves its\n' +
      '             progress after each batch; no outbox relay runs here. The peak is this Node\n' +
      "             process's; the database server's memory is not counted.",
  );
}

async function main(): Promise<void> {
  const infra = await getInfra();
  const logger = createLogger({ name: 'bench-registry-import', level: 'warn' });
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-registry-import-'));
  const file = path.join(dir, `households.${format}`);
  // A database per run: the stand-in sometimes fails to drop a database it just indexed.
  const dbName = `bench_registry_import_${Date.now().toString(36)}`;
  // Command monitoring on, to print where the import's database time goes.
  const url = new URL(infra.mongoUrl);
  url.searchParams.set('monitorCommands', 'true');
  const conn = await connectMongo({ url: url.toString(), dbName, logger });
  const dbTime = databaseTime(conn.getClient());
  try {
    console.log(
      `server:      ${await engineName(conn.db!)} at ${new URL(infra.mongoUrl).host} (${load()}, ${cpus().length} CPUs)`,
    );
    const genStart = performance.now();
    const rows = await (format === 'xlsx' ? writeWorkbook : writeCsv)(file, households);
    const bytes = (await stat(file)).size;
    console.log(
      `file:        ${households.toLocaleString('en')} households, ${rows.toLocaleString('en')} member rows, ${format.toUpperCase()} ${mib(bytes)}, written in ${seconds(performance.now() - genStart)}`,
    );
    const setup = await importServiceOn(conn);
    const timed = await timedImport(setup, file, rows, dbTime);
    await againstBare(conn, setup.models, dir, rows, timed);
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!args.keep) {
      await conn.dropDatabase().catch((err: unknown) => {
        console.warn(`could not drop ${dbName}: ${String(err)}`);
      });
    } else console.log(`kept:        database ${dbName}`);
    await conn.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
