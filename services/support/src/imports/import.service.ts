import { randomUUID } from 'node:crypto';
import {
  bi,
  countyWide,
  findPage,
  type ListQuery,
  notFound,
  type PersonalDataCipher,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Model, mongo } from 'mongoose';
import { seesArea, type SupportArea } from '../scope';
import type { ImportKind } from './department-rows';
import {
  type DepartmentImport,
  emptyCounts,
  type ImportRow,
  type Outcome,
  type PendingRows,
} from './import.model';
import { importRowsOf, readDepartmentList, storedRowsOf } from './import-upload';

const JOB = { what: bi('导入任务', 'Import job'), code: 'IMPORT_JOB_NOT_FOUND' };
const BY_ID = countyWide("one job by id, its importer's area checked against the caller's after");

export const AREA_OF: Record<ImportKind, SupportArea> = {
  education_enrollment: 'education',
  health_insurance: 'health',
};

export type ImportView = Omit<DepartmentImport, '_id' | 'principal'> & { id: string };
export type ImportRowView = Omit<
  ImportRow,
  '_id' | 'idHash' | 'idHashes' | 'importId' | 'changed'
> & {
  id: string;
};

const importView = ({ _id, principal: _p, ...rest }: DepartmentImport): ImportView => ({
  id: _id,
  ...rest,
});
export const rowView = ({
  _id,
  idHash: _h,
  idHashes: _hs,
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
 * hash and the masked form are stored. The matching itself runs as a job
 * (import-reconciliation.ts).
 */
export class ImportService {
  constructor(
    private readonly deps: {
      /** Placed by the importer's area (`actorArea`). */
      imports: ScopedRepository<DepartmentImport>;
      /** An import's rows, reached only through their import. */
      rows: Model<ImportRow>;
      /** Rows waiting for the job, in runs (see PendingRows). */
      pending: Model<PendingRows>;
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
    const list = await readDepartmentList(body, {
      kind: opts.kind,
      maxBytes: opts.maxBytes,
      hashes: (id) => this.deps.cipher.hashes(id),
      today: shanghaiDateOf(this.deps.now()),
    });
    const id = randomUUID();
    const rows = importRowsOf(id, opts.kind, list.rows);
    const now = this.deps.now();
    const job: DepartmentImport = {
      _id: id,
      kind: opts.kind,
      term: opts.term ?? null,
      year: opts.year ?? null,
      fileName: opts.fileName,
      format: list.format,
      encoding: list.encoding,
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
    // Complete documents, straight through the driver: settled rows as report rows, the rest
    // in runs of a few hundred (a handful of writes for a county's list).
    const { settled, pending } = storedRowsOf(id, rows);
    const docs = (xs: object[]) => xs as unknown as mongo.OptionalId<mongo.Document>[];
    for (let i = 0; i < settled.length; i += 1000)
      await this.deps.rows.collection.insertMany(docs(settled.slice(i, i + 1000)), {
        ordered: false,
      });
    for (let i = 0; i < pending.length; i += 8)
      await this.deps.pending.collection.insertMany(docs(pending.slice(i, i + 8)), {
        ordered: false,
      });
    await this.deps.imports.create(p, job);
    return importView(job);
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
