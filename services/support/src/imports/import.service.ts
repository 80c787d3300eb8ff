import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AppError,
  assertTableUpload,
  badRequest,
  bi,
  type CsvEncoding,
  countyWide,
  detectCsvEncoding,
  findPage,
  type ListQuery,
  notFound,
  type PersonalDataCipher,
  type Principal,
  readRows,
  type ScopedRepository,
  unprocessable,
  UploadEnds,
} from '@fupin/kit';
import type { Model } from 'mongoose';
import type { EnrollmentStatus } from '../education/education.reference';
import { compulsoryBirthRange, compulsoryPlace, schoolYearOf } from '../education/school-calendar';
import type { StudentService } from '../education/student.service';
import {
  INSURANCE_KINDS,
  type InsuranceKind,
  pensionLatestBirthDate,
} from '../health/coverage.rules';
import type { InsuranceService } from '../health/insurance.service';
import type { Person } from '../people/person.model';
import type { PersonService } from '../people/person.service';
import { seesArea, type SupportArea } from '../scope';
import {
  duplicateKey,
  type EnrollmentData,
  type HeaderMap,
  type ImportKind,
  type InsuranceData,
  isHeaderRow,
  mapHeader,
  type PreparedRow,
  prepareRow,
} from './department-rows';
import {
  COUNT_OF,
  type DepartmentImport,
  emptyCounts,
  type ImportCounts,
  type ImportRow,
  type Outcome,
} from './import.model';
import { shanghaiDateOf } from '@fupin/reference';

const BATCH = 500;
const JOB = { what: bi('导入任务', 'Import job'), code: 'IMPORT_JOB_NOT_FOUND' };
/** The worker runs each queued job whoever queued it; the job's rows keep its importer's scope. */
const WORKER = countyWide('the import worker runs each queued job, whoever queued it');
const BY_ID = countyWide("one job by id, its importer's area checked against the caller's after");

export const AREA_OF: Record<ImportKind, SupportArea> = {
  education_enrollment: 'education',
  health_insurance: 'health',
};

export type ImportView = Omit<DepartmentImport, '_id' | 'principal'> & { id: string };
export type ImportRowView = Omit<ImportRow, '_id' | 'idHash' | 'importId' | 'changed'> & {
  id: string;
};

const importView = ({ _id, principal: _p, ...rest }: DepartmentImport): ImportView => ({
  id: _id,
  ...rest,
});
export const rowView = ({
  _id,
  idHash: _h,
  importId: _i,
  changed: _c,
  ...rest
}: ImportRow): ImportRowView => ({
  id: _id,
  ...rest,
});

/**
 * 部门名单比对导入 — the education department's enrollment list and the health department's
 * insurance list, reconciled with the registry projection by the keyed hash of the ID
 * number. The upload is read in memory, its ID numbers hashed and masked at once; only the
 * hash and the masked form are stored. The matching itself runs as a job.
 */
export class ImportService {
  constructor(
    private readonly deps: {
      /** Placed by the importer's area (`actorArea`). */
      imports: ScopedRepository<DepartmentImport>;
      /** An import's rows, reached only through their import. */
      rows: Model<ImportRow>;
      persons: ScopedRepository<Person>;
      people: PersonService;
      students: StudentService;
      insurance: InsuranceService;
      cipher: PersonalDataCipher;
      now: () => Date;
    },
  ) {}

  /** Reads an upload, stores its prepared rows and the job (queued); the caller enqueues it. */
  async accept(
    p: Principal,
    body: AsyncIterable<Buffer | string>,
    opts: { kind: ImportKind; term?: string; year?: number; fileName: string; maxBytes: number },
  ): Promise<ImportView> {
    const { buf, ends } = await readUpload(body, opts.maxBytes);
    const format = await assertTableUpload(ends);
    const encoding: CsvEncoding | null =
      format === 'csv' ? await detectCsvEncoding(() => Readable.from([buf])) : null;
    const today = shanghaiDateOf(this.deps.now());
    const prepared: PreparedRow[] = [];
    let header: HeaderMap | null = null;
    let sheet: string | null = null;
    for await (const r of readRows(() => Readable.from([buf]), format, encoding)) {
      if (header && r.sheet !== sheet) break;
      if (!header) {
        if (!isHeaderRow(r.cells)) continue;
        header = mapHeader(opts.kind, r.cells);
        sheet = r.sheet;
        if (header.missing.length) {
          throw unprocessable(
            'IMPORT_COLUMNS_MISSING',
            bi(
              `名单缺少必需的列：${header.missing.join('、')}`,
              `The list lacks required columns: ${header.missing.join(', ')}`,
            ),
            header.missing.map((h) => ({
              field: h,
              code: 'missing',
              message: bi('缺少此列', 'column missing'),
            })),
          );
        }
        continue;
      }
      if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
      prepared.push(prepareRow(opts.kind, header, r, (id) => this.deps.cipher.hash(id), today));
    }
    if (!header) {
      throw unprocessable(
        'IMPORT_NO_HEADER',
        bi(
          '没有找到表头：名单须有「身份证号」列',
          'No header row found: the list needs a 身份证号 column',
        ),
      );
    }
    const id = randomUUID();
    const seen = new Set<string>();
    const rows: ImportRow[] = prepared.map((r, i) => {
      const key = duplicateKey(opts.kind, r);
      let outcome: Outcome = 'pending';
      if (r.problems.length) outcome = 'rejected';
      else if (key && seen.has(key)) outcome = 'duplicate';
      if (key) seen.add(key);
      return {
        _id: `${id}:${i + 1}`,
        importId: id,
        seq: i + 1,
        sheet: r.sheet,
        row: r.row,
        idHash: r.idHash,
        idMasked: r.idMasked,
        name: r.name,
        data: r.data,
        outcome,
        problems: r.problems,
        personId: null,
        areaCode: null,
      };
    });
    const now = this.deps.now();
    const job: DepartmentImport = {
      _id: id,
      kind: opts.kind,
      term: opts.term ?? null,
      year: opts.year ?? null,
      fileName: opts.fileName,
      format,
      encoding,
      principal: p,
      actorId: p.userId,
      actorArea: p.areaCode,
      status: 'queued',
      checkpointSeq: 0,
      counts: { ...emptyCounts(), rows: rows.length },
      unknownHeaders: [],
      error: null,
      attempts: 0,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    };
    for (let i = 0; i < rows.length; i += 1000)
      await this.deps.rows.insertMany(rows.slice(i, i + 1000), { ordered: false });
    await this.deps.imports.create(p, job);
    return importView(job);
  }

  /**
   * Reconciles (or resumes) an import: each pending row is matched by its hash; matched
   * people of the importer's area have the enrollment recorded. Then the registered people
   * the list should have held but did not are added as `not_found`. Every step can be
   * repeated: recording the same enrollment twice changes nothing.
   */
  async run(id: string): Promise<void> {
    const { imports, rows } = this.deps;
    const job = await imports.findOne(WORKER, { _id: id });
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    await imports.updateOne(
      WORKER,
      { _id: id },
      {
        $set: {
          status: 'running',
          updatedAt: this.deps.now(),
          ...(job.startedAt ? {} : { startedAt: this.deps.now() }),
        },
        $inc: { attempts: 1 },
      },
    );
    let after = job.checkpointSeq;
    for (;;) {
      const batch = await rows
        .find({ importId: id, seq: { $gt: after }, outcome: 'pending' })
        .sort({ seq: 1 })
        .limit(BATCH)
        .lean<ImportRow[]>();
      if (!batch.length) break;
      await this.reconcileBatch(job, batch);
      after = batch[batch.length - 1]!.seq;
      await imports.updateOne(
        WORKER,
        { _id: id },
        { $set: { checkpointSeq: after, updatedAt: this.deps.now() } },
      );
    }
    await this.addNotFound(job);
    const counts = await this.countsOf(id);
    await imports.updateOne(
      WORKER,
      { _id: id },
      {
        $set: {
          status: 'completed',
          counts,
          finishedAt: this.deps.now(),
          updatedAt: this.deps.now(),
        },
      },
    );
  }

  private async reconcileBatch(job: DepartmentImport, batch: ImportRow[]): Promise<void> {
    const p = job.principal;
    const found = await this.deps.people.registeredByHash(batch.map((r) => r.idHash!));
    const outcomes: { row: ImportRow; outcome: Outcome; person: Person | null }[] = batch.map(
      (row) => {
        const person = found.get(row.idHash!) ?? null;
        if (!person) return { row, outcome: 'unknown_person', person: null };
        if (!this.deps.persons.contains(p, person)) return { row, outcome: 'out_of_scope', person };
        return { row, outcome: 'enrolled', person };
      },
    );
    const matched = outcomes.filter((o) => o.outcome === 'enrolled');
    let changed = 0;
    if (job.kind === 'education_enrollment') {
      changed = await this.deps.students.importEnrollments(
        p,
        job.term!,
        job._id,
        matched.map((o) => {
          const d = o.row.data as EnrollmentData;
          return { person: o.person!, ...d, status: d.status as EnrollmentStatus };
        }),
      );
    } else {
      changed = await this.deps.insurance.importMany(
        p,
        job.year!,
        job._id,
        matched.map((o) => {
          const d = o.row.data as InsuranceData;
          return { person: o.person!, kind: d.kind as InsuranceKind, enrolled: d.enrolled };
        }),
      );
    }
    // How many matched rows changed a record is known for the batch; it is kept on its first row.
    await this.deps.rows.bulkWrite(
      outcomes.map((o, i) => ({
        updateOne: {
          filter: { _id: o.row._id },
          update: {
            $set: {
              outcome: o.outcome,
              personId: o.person?._id ?? null,
              // Out-of-scope people are not described: only that they are registered elsewhere.
              areaCode: o.outcome === 'enrolled' ? o.person!.areaCode : null,
              changed: i === 0 ? changed : 0,
            },
          },
        },
      })),
      { ordered: false },
    );
  }

  /** Registered people of the importer's area whom the list should have held. */
  private async addNotFound(job: DepartmentImport): Promise<void> {
    const { rows, persons } = this.deps;
    await rows.deleteMany({ importId: job._id, outcome: 'not_found' });
    const matchedRows = await rows
      .find({ importId: job._id, outcome: 'enrolled' }, { personId: 1, data: 1 })
      .lean<Pick<ImportRow, 'personId' | 'data'>[]>();
    const last = await rows.findOne({ importId: job._id }).sort({ seq: -1 }).lean<ImportRow>();
    let seq = last?.seq ?? 0;
    const missing: ImportRow[] = [];
    const add = (person: Person, data: ImportRow['data']) => {
      seq++;
      missing.push({
        _id: `${job._id}:${seq}`,
        importId: job._id,
        seq,
        sheet: null,
        row: null,
        idHash: null,
        idMasked: null,
        name: person.name,
        data,
        outcome: 'not_found',
        problems: [],
        personId: person._id,
        areaCode: person.areaCode,
      });
    };
    const p = job.principal;
    if (job.kind === 'education_enrollment') {
      const seen = new Set(matchedRows.map((r) => r.personId));
      const range = compulsoryBirthRange(schoolYearOf(job.term!));
      const cursor = persons.cursor(
        p,
        { registered: true, birthDate: { $gte: range.from, $lte: range.to } },
        { projection: { outbox: 0 }, sort: { areaCode: 1, name: 1 } },
      );
      for await (const person of cursor)
        if (!seen.has(person._id) && compulsoryPlace(person.birthDate, job.term!))
          add(person, null);
    } else {
      const year = job.year!;
      const kindsInList = new Set(
        (
          await rows
            .find({ importId: job._id, data: { $ne: null } }, { data: 1 })
            .lean<Pick<ImportRow, 'data'>[]>()
        ).map((r) => (r.data as InsuranceData).kind),
      );
      for (const kind of INSURANCE_KINDS.filter((k) => kindsInList.has(k))) {
        const seen = new Set(
          matchedRows.filter((r) => (r.data as InsuranceData).kind === kind).map((r) => r.personId),
        );
        const eligible: Record<string, unknown> =
          kind === 'pension'
            ? { birthDate: { $lte: pensionLatestBirthDate(year) }, inSchool: false }
            : {};
        const cursor = persons.cursor(
          p,
          { registered: true, ...eligible },
          { projection: { outbox: 0 }, sort: { areaCode: 1, name: 1 } },
        );
        for await (const person of cursor)
          if (!seen.has(person._id)) add(person, { kind, enrolled: false });
      }
    }
    for (let i = 0; i < missing.length; i += 1000)
      await rows.insertMany(missing.slice(i, i + 1000), { ordered: false });
  }

  private async countsOf(id: string): Promise<ImportCounts> {
    const groups = await this.deps.rows.aggregate<{
      _id: Outcome;
      n: number;
      changed: number;
    }>([
      { $match: { importId: id } },
      { $group: { _id: '$outcome', n: { $sum: 1 }, changed: { $sum: '$changed' } } },
    ]);
    const counts = emptyCounts();
    for (const g of groups) {
      const key = COUNT_OF[g._id];
      if (key) counts[key] += g.n;
      if (g._id !== 'not_found') counts.rows += g.n;
      counts.changed += g.changed ?? 0;
    }
    return counts;
  }

  /** Ends a job as failed, with the reason shown to the user. */
  async fail(id: string, err: unknown): Promise<void> {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.messages }
        : {
            code: 'IMPORT_FAILED',
            message: bi(
              '导入因系统故障中止，请稍后重试',
              'The import stopped on a system fault; try again later',
            ),
          };
    await this.deps.imports.updateOne(
      WORKER,
      { _id: id },
      {
        $set: { status: 'failed', error, finishedAt: this.deps.now(), updatedAt: this.deps.now() },
      },
    );
  }

  /**
   * A job is seen by whoever's area contains the importer's (the importer among them), on the
   * half of the service they see; 404 for anyone else.
   */
  async load(p: Principal, id: string): Promise<DepartmentImport> {
    // By id, then the scope in memory: an `_id` with the area range is not index-planned.
    const job = await this.deps.imports.findOne(BY_ID, { _id: id });
    if (!job || !this.deps.imports.contains(p, job) || !seesArea(p, AREA_OF[job.kind]))
      throw notFound(JOB.what, JOB.code);
    return job;
  }

  async get(p: Principal, id: string): Promise<ImportView> {
    return importView(await this.load(p, id));
  }

  async list(p: Principal, q: ListQuery<{ kind?: ImportKind; status?: string }>) {
    const kinds = (Object.keys(AREA_OF) as ImportKind[]).filter((k) => seesArea(p, AREA_OF[k]));
    const filter = {
      kind: { $in: q.filter.kind ? kinds.filter((k) => k === q.filter.kind) : kinds },
      ...(q.filter.status ? { status: q.filter.status } : {}),
    };
    const { items, total } = await this.deps.imports.page(p, filter, q, { principal: 0 });
    return { items: items.map(importView), total };
  }

  async listRows(p: Principal, id: string, q: ListQuery<{ outcome?: Outcome }>) {
    await this.load(p, id);
    const filter: Record<string, unknown> = { importId: id };
    if (q.filter.outcome) filter.outcome = q.filter.outcome;
    const { items, total } = await findPage<ImportRow>(this.deps.rows, filter, q);
    return { items: items.map(rowView), total };
  }

  rowsCursor(id: string) {
    return this.deps.rows.find({ importId: id }).sort({ seq: 1 }).lean<ImportRow[]>().cursor();
  }
}

/** The whole upload in memory, refused beyond `maxBytes` (413) or when empty (400). */
async function readUpload(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<{ buf: Buffer; ends: UploadEnds }> {
  const parts: Buffer[] = [];
  const ends = new UploadEnds();
  let bytes = 0;
  for await (const piece of body) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += buf.length;
    if (bytes > maxBytes) {
      throw new AppError(
        413,
        'IMPORT_FILE_TOO_LARGE',
        bi(
          `文件超过 ${Math.round(maxBytes / 1048576)} MB，请拆分后分批导入`,
          `The file exceeds ${Math.round(maxBytes / 1048576)} MB; split it into several imports`,
        ),
      );
    }
    parts.push(buf);
    ends.push(buf);
  }
  if (bytes === 0) {
    throw badRequest(
      'IMPORT_FILE_EMPTY',
      bi('请在请求体中上传 .xlsx 或 .csv 文件', 'Send the .xlsx or .csv file as the request body'),
      [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
    );
  }
  return { buf: Buffer.concat(parts, bytes), ends };
}
