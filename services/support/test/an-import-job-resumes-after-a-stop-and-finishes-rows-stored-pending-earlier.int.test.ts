import type { Principal } from '@fupin/kit';
import type { DepartmentImport, ImportRow } from '../src/imports/import.model';
import { ImportReconciliation } from '../src/imports/import-reconciliation';
import { storedRowsOf } from '../src/imports/import-upload';
import {
  COUNTY,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
} from './fixtures/support';

// The job run directly (as the queue's worker runs it) on jobs left as a stopped worker or an
// earlier version left them.

let t: TestSupport;
let h: SeededHousehold;
let reconciliation: ImportReconciliation;
const principal: Principal = {
  userId: 'u-health',
  username: 'u-health',
  roles: [],
  areaCode: COUNTY,
  rights: { support: ['read', 'write'] },
};

beforeAll(async () => {
  t = await startSupport();
  h = t.household(VILLAGE_A1, [
    { name: '田一', birthDate: '1970-01-01' },
    { name: '田二', birthDate: '1972-02-02', sex: 'female' },
    { name: '田三', birthDate: '1974-03-03' },
  ]);
  await t.seed([h]);
  const { ctx, models, people, education, health } = t.support;
  reconciliation = new ImportReconciliation({
    imports: ctx.repos.imports,
    rows: models.rows,
    pending: models.pending,
    persons: ctx.repos.persons,
    people,
    students: education.students,
    insurance: health.insurance,
    now: () => new Date(),
  });
});
afterAll(async () => {
  await t.close();
});

async function queuedJob(id: string): Promise<void> {
  const now = new Date();
  const job: DepartmentImport = {
    _id: id,
    kind: 'health_insurance',
    term: null,
    year: 2019,
    fileName: 'list.csv',
    format: 'csv',
    encoding: 'utf8',
    principal,
    actorId: principal.userId,
    actorArea: COUNTY,
    status: 'running',
    checkpointSeq: 0,
    counts: {
      rows: 3,
      enrolled: 0,
      unknownPerson: 0,
      outOfScope: 0,
      rejected: 0,
      duplicate: 0,
      notFound: 0,
      changed: 0,
    },
    unknownHeaders: [],
    error: null,
    attempts: 1,
    createdAt: now,
    startedAt: now,
    finishedAt: null,
    updatedAt: now,
  };
  await t.support.models.imports.create(job);
}

const rowsOf = (id: string): ImportRow[] =>
  h.members.map((m, i) => ({
    _id: `${id}:${i + 1}`,
    importId: id,
    seq: i + 1,
    sheet: 'Sheet1',
    row: i + 2,
    idHash: m.idHash,
    idMasked: null,
    name: m.name,
    data: { kind: 'basic_medical', enrolled: true },
    outcome: 'pending',
    problems: [],
    personId: null,
    areaCode: null,
    changed: 0,
  }));

const report = async (id: string) =>
  (await t.support.models.rows.find({ importId: id }).sort({ seq: 1 }).lean()).map((r) => [
    r.seq,
    r.outcome,
    r.personId,
  ]);

test('a job stopped after storing part of a run resumes: stored rows keep their outcome, the rest are stored, the runs removed', async () => {
  const id = 'job-resumed';
  await queuedJob(id);
  const rows = rowsOf(id);
  const { pending } = storedRowsOf(id, rows, 2);
  await t.support.models.pending.collection.insertMany(pending as never[]);
  // Stored before the stop: the first row, already with its outcome.
  await t.support.models.rows.create({
    ...rows[0]!,
    outcome: 'enrolled',
    personId: h.members[0]!.id,
  });

  await reconciliation.run(id);

  expect(await report(id)).toEqual(h.members.map((m, i) => [i + 1, 'enrolled', m.id]));
  expect(await t.support.models.pending.countDocuments({ importId: id })).toBe(0);
  const job = await t.support.models.imports.findById(id).lean();
  expect(job).toMatchObject({ status: 'completed', checkpointSeq: 3 });
  expect(job!.counts).toMatchObject({ rows: 3, enrolled: 3, notFound: 0 });
});

test('rows an earlier version stored pending among the report rows get their outcomes in place', async () => {
  const id = 'job-legacy';
  await queuedJob(id);
  await t.support.models.rows.insertMany(rowsOf(id));

  await reconciliation.run(id);

  expect(await report(id)).toEqual(h.members.map((m, i) => [i + 1, 'enrolled', m.id]));
  expect(await t.support.models.imports.findById(id).lean()).toMatchObject({
    status: 'completed',
    counts: { rows: 3, enrolled: 3 },
  });
});
