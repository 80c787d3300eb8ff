import { eventually } from '@fupin/testing';
import type { mongo } from 'mongoose';
import request from 'supertest';
import {
  as,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
} from './fixtures/support';

// The import writes in bulk: a person's kinds of one list in one update carrying one event per
// kind, a new student made at the term's place, and nothing at all for a list imported again.
// The outbox relay is stopped so the events the import stored stay where they can be counted.

let t: TestSupport;
let h: SeededHousehold;
const TERM = '2019-autumn';
const YEAR = 2019;

beforeAll(async () => {
  t = await startSupport();
  await t.support.relay.stop();
  h = t.household(VILLAGE_A1, [
    { name: '罗父', birthDate: '1960-03-03' },
    { name: '罗一', birthDate: '2011-05-05' },
  ]);
  await t.seed([h]);
});
afterAll(async () => {
  await t.close();
});

const adult = () => h.members[0]!;
const child = () => h.members[1]!;

async function imported(path: string, query: Record<string, string | number>, csv: string) {
  const upload = await request(t.app)
    .post(path)
    .query(query)
    .set(as(t.tokens.county))
    .set('content-type', 'text/csv')
    .send(Buffer.from(csv, 'utf8'));
  expect(upload.status).toBe(202);
  const id = upload.body.id as string;
  const job = await eventually(
    async () => {
      const r = await request(t.app).get(`/imports/${id}`).set(as(t.tokens.county));
      expect(r.body.status).toBe('completed');
      return r.body as { counts: Record<string, number> };
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  const rows = await request(t.app)
    .get(`/imports/${id}/rows`)
    .query({ range: '[0,99]' })
    .set(as(t.tokens.county));
  return {
    counts: job.counts,
    rows: rows.body as { row: number | null; outcome: string; problems: { field: string }[] }[],
  };
}

// Straight from the driver: the outbox is not selected by the models.
const personDoc = (id: string) =>
  t.support.models.persons.collection.findOne({ _id: id as unknown as mongo.ObjectId });
const enrollmentDoc = (id: string) =>
  t.support.models.enrollments.collection.findOne({ _id: id as unknown as mongo.ObjectId });

test('an insurance list: each person written once with an event per kind, and nothing the second time', async () => {
  const csv = [
    '身份证号,姓名,险种,参保状态',
    `${adult().idNumber},罗父,基本医疗保险,参保`,
    `${adult().idNumber},罗父,大病保险,参保`,
    `${child().idNumber},罗一,基本医疗保险,参保`,
    `${adult().idNumber},罗父,城乡居民基本养老保险,参保`,
    `${child().idNumber},罗一,大病保险,参保`,
    `${adult().idNumber},罗父,商业保险,参保`,
  ].join('\n');
  const first = await imported('/imports/health-insurance', { year: YEAR }, csv);
  expect(first.counts).toMatchObject({
    rows: 6,
    enrolled: 5,
    rejected: 1,
    notFound: 0,
    changed: 5,
  });
  // Every row is reported in the list's order, the rejected one with its field.
  expect(first.rows.map((r) => [r.row, r.outcome])).toEqual([
    [2, 'enrolled'],
    [3, 'enrolled'],
    [4, 'enrolled'],
    [5, 'enrolled'],
    [6, 'enrolled'],
    [7, 'rejected'],
  ]);
  expect(first.rows[5]!.problems.map((p) => p.field)).toEqual(['险种']);

  const a = await personDoc(adult().id);
  expect(Object.keys(a!.insurance[String(YEAR)]).sort()).toEqual([
    'basic_medical',
    'pension',
    'serious_illness',
  ]);
  const topics = (d: typeof a) => (d!.outbox as { topic: string }[]).map((e) => e.topic);
  expect(topics(a)).toEqual(Array(3).fill('support.coverage.v1'));
  expect(topics(await personDoc(child().id))).toEqual(Array(2).fill('support.coverage.v1'));

  const again = await imported('/imports/health-insurance', { year: YEAR }, csv);
  expect(again.counts).toMatchObject({
    rows: 6,
    enrolled: 5,
    rejected: 1,
    notFound: 0,
    changed: 0,
  });
  expect(await personDoc(adult().id)).toEqual(a);
});

test('an enrollment list: the new student starts at the term, and the same list again changes no record', async () => {
  const csv = [
    '身份证号,姓名,学校,学段,年级,学籍状态',
    `${child().idNumber},罗一,漳江小学,小学,3,在读`,
  ].join('\n');
  const first = await imported('/imports/education-enrollment', { term: TERM }, csv);
  expect(first.counts).toMatchObject({ rows: 1, enrolled: 1, changed: 1 });
  const student = await t.support.models.students.findOne({ personId: child().id }).lean();
  expect(student).toMatchObject({
    school: '漳江小学',
    stage: 'primary',
    grade: 3,
    latestTerm: TERM,
    revision: 1,
  });
  const enrollment = await enrollmentDoc(`${student!._id}:${TERM}`);
  expect(enrollment).toMatchObject({ status: 'enrolled', source: 'import', hasOutbox: true });
  expect(enrollment!.outbox).toHaveLength(1);

  const again = await imported('/imports/education-enrollment', { term: TERM }, csv);
  expect(again.counts).toMatchObject({ rows: 1, enrolled: 1, changed: 0 });
  expect(await t.support.models.students.findById(student!._id).lean()).toEqual(student);
  expect(await enrollmentDoc(`${student!._id}:${TERM}`)).toEqual(enrollment);
  // The runs of pending rows are gone once the jobs finished.
  expect(await t.support.models.pending.countDocuments()).toBe(0);
});
