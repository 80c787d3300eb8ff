import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AppError,
  badRequest,
  bi,
  countyWide,
  type ListQuery,
  notFound,
  type Principal,
  type ScopedRepository,
  UploadEnds,
  assertTableUpload,
  uploadPieces,
} from '@fupin/kit';
import type { HouseholdService } from '../households/household.service';
import type { HouseholdInput } from '../households/household.service';
import type { Area } from '../areas/area.model';
import { villageCodesToLookUp, villageFinding, type VillageStatus } from './household-checks';
import {
  type HeaderMap,
  type HouseholdGroup,
  inputOfGroup,
  type RejectedRow,
  rejectedFromFieldErrors,
} from './household-rows';
import { DataRowCounter, HouseholdSheets, type SheetGroup } from './household-sheets';
import { rejectionOf } from './import-rejections';
import {
  emptyCounts,
  type ImportChunkModel,
  type ImportCounts,
  type ImportJob,
  REPORT_LIMIT,
} from './import-job.model';
import { type CsvEncoding, detectCsvEncoding, type FileFormat, readRows } from '@fupin/kit';

/** Chunks stay far below the 16 MB document limit. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Households stored per write; progress is saved after each batch. */
const BATCH_HOUSEHOLDS = 250;

export type ImportJobView = Omit<ImportJob, '_id' | 'principal'> & { id: string };
export type ImportJobSummary = Omit<ImportJobView, 'rejected'>;

const JOB = bi('导入任务', 'Import job');

/** The worker runs a job by its id and records its progress, whoever started it. */
const WORKER = countyWide('the import worker runs and records the job it was given');
/** An import row's village is checked against the county's area tree, whoever imports it. */
const AREA_TREE = countyWide("an import row's village is checked against the county's area tree");
/** A user's own job stays theirs even when their area has changed since. */
const OWN_JOB = countyWide('a user always sees the imports they started');

/**
 * 批量导入 — imports of household workbooks: storing the upload, running it row by row into
 * the registry (every valid household stored, every bad row reported), and its progress.
 */
export class ImportService {
  constructor(
    private readonly deps: {
      jobs: ScopedRepository<ImportJob>;
      /** The area tree every household's village must be in. */
      areas: ScopedRepository<Area>;
      chunks: ImportChunkModel;
      households: HouseholdService;
      now: () => Date;
    },
  ) {}

  /** Stores an upload in chunks and records its job (queued); the caller enqueues it. */
  async accept(
    p: Principal,
    body: AsyncIterable<Buffer | string>,
    opts: { fileName: string; maxBytes: number },
  ): Promise<ImportJobView> {
    const id = randomUUID();
    let bytes = 0;
    let n = 0;
    const ends = new UploadEnds();
    let parts: Buffer[] = [];
    let partBytes = 0;
    const flush = async () => {
      if (!partBytes) return;
      const data = Buffer.concat(parts, partBytes);
      await this.deps.chunks.create({ _id: `${id}:${n}`, jobId: id, n, data });
      n++;
      parts = [];
      partBytes = 0;
    };
    try {
      for await (const buf of uploadPieces(body, opts.maxBytes)) {
        bytes += buf.length;
        parts.push(buf);
        ends.push(buf);
        partBytes += buf.length;
        if (partBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
      if (bytes === 0) {
        throw badRequest(
          'IMPORT_FILE_EMPTY',
          bi(
            '请在请求体中上传 .xlsx 或 .csv 文件',
            'Send the .xlsx or .csv file as the request body',
          ),
          [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
        );
      }
      const format = await assertTableUpload(ends);
      const encoding: CsvEncoding | null =
        format === 'csv' ? await detectCsvEncoding(() => this.open(id, n)) : null;
      const now = this.deps.now();
      const job: ImportJob = {
        _id: id,
        kind: 'households',
        fileName: opts.fileName,
        format,
        encoding,
        bytes,
        chunks: n,
        principal: p,
        actorId: p.userId,
        actorArea: p.areaCode,
        status: 'queued',
        rowsTotal: null,
        rowsDone: 0,
        counts: emptyCounts(),
        rejected: [],
        rejectedTruncated: false,
        checkpointRow: 0,
        unknownHeaders: [],
        error: null,
        attempts: 0,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        updatedAt: now,
      };
      await this.deps.jobs.create(p, job);
      return viewOf(job);
    } catch (err) {
      await this.deps.chunks.deleteMany({ jobId: id });
      throw err;
    }
  }

  async get(p: Principal, id: string): Promise<ImportJobView> {
    // A job is seen by whoever's area contains the area of the user who started it, and by
    // that user.
    const job =
      (await this.deps.jobs.findOne(p, { _id: id })) ??
      (await this.deps.jobs.findOne(OWN_JOB, { _id: id, actorId: p.userId }));
    if (!job) throw notFound(JOB, 'IMPORT_JOB_NOT_FOUND');
    return viewOf(job);
  }

  async list(p: Principal, q: ListQuery<{ status?: string }>) {
    const { items, total } = await this.deps.jobs.page(
      p,
      q.filter.status ? { status: q.filter.status } : {},
      q,
      { rejected: 0, principal: 0 },
    );
    return { items: items.map((j) => summaryOf(j)), total };
  }

  /** The stored upload as a stream, chunk by chunk. */
  open(id: string, chunks: number): Readable {
    const model = this.deps.chunks;
    return Readable.from(
      (async function* () {
        for (let n = 0; n < chunks; n++) {
          const c = await model.findById(`${id}:${n}`).lean();
          if (!c) throw new Error(`import ${id}: chunk ${n} is missing`);
          yield bufferOf(c.data);
        }
      })(),
    );
  }

  /**
   * Runs (or resumes) an import. Households are stored batch by batch and the job records
   * with each batch how far it got, so a job retried after a crash carries on from there;
   * re-storing a household is harmless anyway (an unchanged household changes nothing).
   * Operational problems with the file itself end the job as failed (an AppError is thrown).
   *
   * Reading and checking rows is work in this process, storing them mostly waiting on the
   * database, so the two overlap: one batch is stored while the next is read, and the rows
   * are counted (for the progress total) alongside. Batches are still stored one at a time
   * in file order, so which of two rows naming one person wins does not change.
   */
  async run(id: string): Promise<void> {
    const job = await this.deps.jobs.findOne(WORKER, { _id: id });
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    const p = job.principal;
    const open = () => this.open(id, job.chunks);
    const encoding = job.encoding as CsvEncoding | null;
    await this.markStarted(job);
    let total = job.rowsTotal;
    const counted =
      total !== null
        ? Promise.resolve()
        : this.count(open, job.format, encoding).then(async (n) => {
            total = n;
            await this.deps.jobs.updateOne(
              WORKER,
              { _id: id, status: 'counting' },
              { $set: { rowsTotal: n, status: 'running' } },
            );
          });
    // Awaited below; a failure before then must not surface as an unhandled rejection.
    counted.catch(() => undefined);

    const state = {
      rejectedStored: job.rejected.length,
      truncated: job.rejectedTruncated,
    };
    const sheets = new HouseholdSheets();
    let batch: (SheetGroup & { lastSeq: number })[] = [];
    let storing: Promise<void> = Promise.resolve();

    /** Starts storing the batch once the one before it is stored, and waits for that one. */
    const flush = async (uptoSeq: number) => {
      const pending = batch;
      batch = [];
      const previous = storing;
      const checkpoint = uptoSeq > job.checkpointRow ? uptoSeq : null;
      storing = previous.then(() => this.storeBatch(p, id, pending, state, checkpoint));
      storing.catch(() => undefined);
      await previous;
    };
    const take = async (groups: SheetGroup[]) => {
      for (const g of groups) {
        const last = Math.max(...g.group.rows.map((r) => r.source.seq ?? 0));
        // Rows up to the checkpoint were stored by an earlier attempt.
        if (last <= job.checkpointRow) continue;
        batch.push({ ...g, lastSeq: last });
      }
      if (batch.length >= BATCH_HOUSEHOLDS) await flush(batch[batch.length - 1]!.lastSeq);
    };

    try {
      for await (const row of readRows(open, job.format, encoding)) await take(sheets.push(row));
      await take(sheets.end());
      if (!sheets.sawHouseholdSheet) {
        throw new AppError(
          422,
          'IMPORT_NO_HOUSEHOLD_SHEET',
          bi(
            '文件中没有找到户与成员表：表头须在前 10 行内，至少包含「户编号」和「身份证号」',
            'No household sheet found: the header must be within the first 10 rows, with at least 户编号 and 身份证号',
          ),
        );
      }
      await flush(sheets.seq);
      await storing;
      await counted;
    } catch (err) {
      // Nothing may still be storing once the job is marked failed or handed back for retry.
      // (A count still running only sets the total of a job still counting, and stops when
      // the failed job's upload is deleted.)
      await storing.catch(() => undefined);
      throw err;
    }
    await this.deps.jobs.updateOne(
      WORKER,
      { _id: id },
      {
        $set: {
          status: 'completed',
          rowsDone: sheets.seq,
          rowsTotal: Math.max(sheets.seq, total ?? 0),
          unknownHeaders: [...sheets.unknownHeaders],
          finishedAt: this.deps.now(),
          updatedAt: this.deps.now(),
        },
      },
    );
    await this.deps.chunks.deleteMany({ jobId: id });
  }

  /** A job (re)started: counting its rows first unless a run before counted them. */
  private async markStarted(job: ImportJob): Promise<void> {
    await this.deps.jobs.updateOne(
      WORKER,
      { _id: job._id },
      {
        $set: {
          status: job.rowsTotal === null ? 'counting' : 'running',
          updatedAt: this.deps.now(),
          ...(job.startedAt ? {} : { startedAt: this.deps.now() }),
        },
        $inc: { attempts: 1 },
      },
    );
  }

  /** Ends a job as failed, with the reason shown to the user; the upload is deleted. */
  async fail(id: string, err: unknown): Promise<void> {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.messages, errors: err.errors }
        : {
            code: 'IMPORT_FAILED',
            message: bi(
              '导入因系统故障中止，请稍后重试',
              'The import stopped on a system fault; try again later',
            ),
          };
    await this.deps.jobs.updateOne(
      WORKER,
      { _id: id },
      {
        $set: { status: 'failed', error, finishedAt: this.deps.now(), updatedAt: this.deps.now() },
      },
    );
    await this.deps.chunks.deleteMany({ jobId: id });
  }

  private async count(open: () => Readable, format: FileFormat, encoding: CsvEncoding | null) {
    const counter = new DataRowCounter();
    for await (const row of readRows(open, format, encoding)) counter.push(row);
    return counter.n;
  }

  /**
   * Stores a batch and records, in one write to the job, its counts, its rejected rows and
   * the row up to which the file is done (`checkpoint`; null when an earlier attempt got
   * further), so the progress never claims rows whose households are not stored.
   */
  private async storeBatch(
    p: Principal,
    id: string,
    batch: SheetGroup[],
    state: { rejectedStored: number; truncated: boolean },
    checkpoint: number | null,
  ): Promise<void> {
    if (!batch.length && checkpoint === null) return;
    const counts: ImportCounts = emptyCounts();
    // Refusals of the reading, of the rules and of the registry, each kept with its
    // household's place in the batch, so the report lists them in row order.
    const refused: { at: number; rows: RejectedRow[] }[] = [];
    const reject = (at: number, rows: RejectedRow[]) => {
      counts.householdsRejected++;
      counts.rowsRejected += rows.length;
      refused.push({ at, rows });
    };
    const read: { input: HouseholdInput; group: HouseholdGroup; header: HeaderMap; at: number }[] =
      [];
    batch.forEach((b, at) => {
      const r = inputOfGroup(b.header, b.group);
      if (r.ok) read.push({ input: r.input, group: b.group, header: b.header, at });
      else reject(at, r.rejected);
    });
    const villages = await this.villagesOf(read.map((v) => v.input.areaCode));
    const valid = read.filter((v) => {
      const found = villageFinding(v.input.areaCode, villages);
      if (found)
        reject(
          v.at,
          rejectedFromFieldErrors(v.header, v.group, [{ field: 'areaCode', ...found }], found),
        );
      return !found;
    });
    const outcomes = valid.length
      ? await this.deps.households.importMany(
          p,
          valid.map((v) => v.input),
        )
      : [];
    outcomes.forEach((o, i) => {
      const v = valid[i]!;
      if ('outcome' in o) {
        if (o.outcome === 'created') counts.householdsCreated++;
        else if (o.outcome === 'updated') counts.householdsUpdated++;
        else counts.householdsUnchanged++;
        return;
      }
      reject(v.at, rejectionOf(p, v, o.error));
    });
    const rejected = refused.sort((x, y) => x.at - y.at).flatMap((r) => r.rows);
    const room = Math.max(0, REPORT_LIMIT - state.rejectedStored);
    const kept = rejected.slice(0, room);
    state.rejectedStored += kept.length;
    if (kept.length < rejected.length) state.truncated = true;
    await this.deps.jobs.updateOne(
      WORKER,
      { _id: id },
      {
        $inc: Object.fromEntries(Object.entries(counts).map(([k, v]) => [`counts.${k}`, v])),
        ...(kept.length ? { $push: { rejected: { $each: kept } } } : {}),
        $set: {
          rejectedTruncated: state.truncated,
          updatedAt: this.deps.now(),
          ...(checkpoint === null ? {} : { rowsDone: checkpoint, checkpointRow: checkpoint }),
        },
      },
    );
  }

  /**
   * What the area tree says of the batch's village codes, in one read: a household may only be
   * stored under a village the county has (its scope is the registry's own check after).
   */
  private async villagesOf(codes: string[]): Promise<Map<string, VillageStatus>> {
    const lookUp = villageCodesToLookUp(codes);
    const known = new Map<string, VillageStatus>();
    if (!lookUp.length) return known;
    const found = await this.deps.areas.find(
      AREA_TREE,
      { code: { $in: lookUp }, level: 'village' },
      { projection: { code: 1, status: 1 } },
    );
    for (const a of found) known.set(a.code, a.status);
    return known;
  }
}

function viewOf(job: ImportJob): ImportJobView {
  const { _id, principal: _p, ...rest } = job;
  return { id: _id, ...rest };
}

function summaryOf(job: ImportJob): ImportJobSummary {
  const { rejected: _r, ...rest } = viewOf(job);
  return rest;
}

/** A stored Buffer comes back from a lean read as BSON Binary. */
function bufferOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const b = data as { buffer: Uint8Array; position?: number };
  return Buffer.from(b.buffer.buffer, b.buffer.byteOffset, b.position ?? b.buffer.byteLength);
}
