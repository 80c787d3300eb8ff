import { AppError, bi, countyWide, isDuplicateKey, type ScopedRepository } from '@fupin/kit';
import type { Model, mongo } from 'mongoose';
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
import type { EnrollmentData, InsuranceData } from './department-rows';
import {
  COUNT_OF,
  type DepartmentImport,
  emptyCounts,
  type ImportCounts,
  type ImportRow,
  type Outcome,
  type PendingRows,
} from './import.model';

const BATCH = 500;
/** The worker runs each queued job whoever queued it; the job's rows keep its importer's scope. */
const WORKER = countyWide('the import worker runs each queued job, whoever queued it');

/**
 * The reconciliation job of a department list (run by the imports queue): its rows matched
 * with the person view by the keyed hash of the ID number, the matched people of the
 * importer's area recorded, and the people the list should have held added as `not_found`.
 */
export class ImportReconciliation {
  constructor(
    private readonly deps: {
      imports: ScopedRepository<DepartmentImport>;
      rows: Model<ImportRow>;
      pending: Model<PendingRows>;
      persons: ScopedRepository<Person>;
      people: PersonService;
      students: StudentService;
      insurance: InsuranceService;
      now: () => Date;
    },
  ) {}

  /**
   * Reconciles (or resumes) an import: each run of pending rows is matched by its hash in one
   * read; matched people of the importer's area have the enrollment recorded (in bulk); the
   * run's rows are stored with their outcomes in one insert and the checkpoint moves past it.
   * Then the registered people the list should have held but did not are added as
   * `not_found`. Every step can be repeated: recording the same enrollment twice changes
   * nothing, and a row stored before a crash keeps its first outcome.
   */
  async run(id: string): Promise<void> {
    const { imports, rows, pending } = this.deps;
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
      const run = await pending
        .findOne({ importId: id, lastSeq: { $gt: after } })
        .sort({ lastSeq: 1 })
        .lean<PendingRows>();
      if (!run) break;
      const settled = await this.reconcileBatch(
        job,
        run.rows.filter((r) => r.seq > after),
      );
      await rows.collection
        .insertMany(settled as unknown as mongo.OptionalId<mongo.Document>[], { ordered: false })
        .catch((err: unknown) => {
          // Stored before the job was stopped: the first outcome stays.
          if (!isDuplicateKey(err)) throw err;
        });
      after = await this.checkpoint(id, run.lastSeq);
    }
    await this.legacyPending(job, after);
    await this.addNotFound(job);
    const counts = await this.countsOf(id);
    await pending.deleteMany({ importId: id });
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

  private async checkpoint(id: string, seq: number): Promise<number> {
    await this.deps.imports.updateOne(
      WORKER,
      { _id: id },
      { $set: { checkpointSeq: seq, updatedAt: this.deps.now() } },
    );
    return seq;
  }

  /** Rows an earlier version stored pending among the report rows: their outcomes set in place. */
  private async legacyPending(job: DepartmentImport, from: number): Promise<void> {
    const { rows } = this.deps;
    let after = from;
    for (;;) {
      const batch = await rows
        .find({ importId: job._id, seq: { $gt: after }, outcome: 'pending' })
        .sort({ seq: 1 })
        .limit(BATCH)
        .lean<ImportRow[]>();
      if (!batch.length) return;
      const settled = await this.reconcileBatch(job, batch);
      await rows.bulkWrite(
        settled.map(({ _id, outcome, personId, areaCode, changed }) => ({
          updateOne: {
            filter: { _id },
            update: { $set: { outcome, personId, areaCode, changed } },
          },
        })),
        { ordered: false },
      );
      after = await this.checkpoint(job._id, batch[batch.length - 1]!.seq);
    }
  }

  /** A batch of pending rows matched and recorded: the rows as they are stored, with outcomes. */
  private async reconcileBatch(job: DepartmentImport, batch: ImportRow[]): Promise<ImportRow[]> {
    if (!batch.length) return [];
    const p = job.principal;
    // A row holds its hash under every HMAC key held at upload (during a rotation window).
    const hashesOf = (r: ImportRow) => r.idHashes ?? [r.idHash!];
    const found = await this.deps.people.registeredByHash(batch.flatMap(hashesOf));
    const outcomes: { row: ImportRow; outcome: Outcome; person: Person | null }[] = batch.map(
      (row) => {
        const hit = hashesOf(row).find((h) => found.has(h));
        const person = hit ? found.get(hit)! : null;
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
    return outcomes.map((o, i) => ({
      ...o.row,
      outcome: o.outcome,
      personId: o.person?._id ?? null,
      // Out-of-scope people are not described: only that they are registered elsewhere.
      areaCode: o.outcome === 'enrolled' ? o.person!.areaCode : null,
      changed: i === 0 ? changed : 0,
    }));
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
}
