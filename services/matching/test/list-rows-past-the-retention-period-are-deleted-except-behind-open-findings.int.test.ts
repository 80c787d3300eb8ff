import { shanghaiDateOf } from '@fupin/reference';
import { findingModel } from '../src/findings/finding.model';
import { listModels } from '../src/lists/list.model';
import { bearer, csv, startMatching, type TestMatching, waitForRun } from './fixtures/matching';
import { LIST_DATE, LISTS, plantRegistry, uploadLists } from './fixtures/planted';

const DAY = 24 * 60 * 60 * 1000;
const UPLOADED = Date.parse('2026-04-01T02:00:00Z');
let clock = UPLOADED;
let t: TestMatching;
let ids: Record<string, string>;
let youngId: string;

interface ListBody {
  id: string;
  rowsDeleteOn: string | null;
  rowsDeletedAt: string | null;
  rowsKept: number | null;
  rowsDeleted: number | null;
  rowsAccepted: number;
  rowsWithInvalidId: number;
  segments: number;
}

const getList = async (id: string) =>
  (await t.api().get(`/lists/${id}`).set(bearer(t.tokens.county))).body as ListBody;

/** The row numbers a list still stores. */
async function storedRowNumbers(id: string): Promise<number[]> {
  const l = await getList(id);
  const out: number[] = [];
  for await (const reader of t.matching.lists.rows(id, l.segments))
    while (reader.next()) out.push(reader.row().row);
  return out.sort((a, b) => a - b);
}

/** The rows of a list that open findings rest on. */
async function openFindingRows(id: string): Promise<number[]> {
  const open = await findingModel(t.rt.conn)
    .find({ status: { $ne: 'closed' }, 'evidence.listId': id }, { 'evidence.row': 1 })
    .lean();
  return [...new Set(open.map((f) => (f.evidence as { row: number }).row))].sort((a, b) => a - b);
}

beforeAll(async () => {
  t = await startMatching({ options: { now: () => new Date(clock) } });
  await plantRegistry(t);
  ids = await uploadLists(t);
  await t.run(t.tokens.county);
  // One of the deaths list's findings is closed: its row is no longer kept.
  await findingModel(t.rt.conn).updateOne(
    { 'evidence.listId': ids.deaths, 'evidence.row': 2 },
    { $set: { status: 'closed', closedAt: new Date(clock) } },
  );
  // A newer version of the businesses list, uploaded 60 days later.
  clock = UPLOADED + 60 * DAY;
  const businesses = LISTS.find((l) => l.type === 'businesses')!;
  const res = await t.upload(t.tokens.county, csv(businesses.rows), {
    type: 'businesses',
    date: LIST_DATE,
  });
  expect(res.status).toBe(201);
  youngId = (res.body as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

test('a list says the day its rows will be deleted: its upload plus the retention period', async () => {
  expect(t.config.LIST_RETENTION_DAYS).toBe(90);
  const old = await getList(ids.vehicles!);
  expect(old).toMatchObject({
    rowsDeleteOn: shanghaiDateOf(new Date(UPLOADED + 90 * DAY)),
    rowsDeletedAt: null,
    rowsKept: null,
    rowsDeleted: null,
  });
  expect(old.rowsDeleteOn).toBe('2026-06-30');
  expect((await getList(youngId)).rowsDeleteOn).toBe('2026-08-29');
});

test('the day before, nothing is deleted', async () => {
  clock = UPLOADED + 89 * DAY;
  const before = await storedRowNumbers(ids.vehicles!);
  expect(await t.matching.retention.run()).toMatchObject({ lists: 0, deleted: 0 });
  expect(await storedRowNumbers(ids.vehicles!)).toEqual(before);
});

test('on the day, old lists keep only the rows behind open findings; the younger list is untouched', async () => {
  clock = UPLOADED + 90 * DAY;
  const findingsBefore = await findingModel(t.rt.conn).find({}).sort({ _id: 1 }).lean();
  const expected: Record<string, number[]> = {};
  for (const [type, id] of Object.entries(ids)) expected[type] = await openFindingRows(id);
  // 张一 owns a vehicle (row 2); the other rows of the vehicles list led to nothing.
  expect(expected.vehicles).toEqual([2]);
  // 王五's death (row 2) was closed; 沈十九's (row 4) is still open.
  expect(expected.deaths).not.toContain(2);
  expect(expected.deaths).toContain(4);
  const youngRows = await storedRowNumbers(youngId);

  const done = await t.matching.retention.run();
  expect(done.lists).toBe(LISTS.length);

  for (const [type, id] of Object.entries(ids)) {
    expect({ type, rows: await storedRowNumbers(id) }).toEqual({ type, rows: expected[type] });
    const l = await getList(id);
    expect(l.rowsDeletedAt).toBe(new Date(clock).toISOString());
    expect(l.rowsKept).toBe(expected[type]!.length);
    expect(l.rowsDeleted).toBe(l.rowsAccepted + l.rowsWithInvalidId - expected[type]!.length);
  }
  expect(await getList(ids.vehicles!)).toMatchObject({ rowsKept: 1, rowsDeleted: 3 });
  expect(await storedRowNumbers(youngId)).toEqual(youngRows);
  expect(youngRows.length).toBeGreaterThan(0);
  expect(await getList(youngId)).toMatchObject({ rowsDeletedAt: null });

  // Findings keep their masked evidence: nothing in them changed.
  const findingsAfter = await findingModel(t.rt.conn).find({}).sort({ _id: 1 }).lean();
  expect(findingsAfter).toEqual(findingsBefore);
});

test('an audit entry per list names the rows kept and deleted', async () => {
  const entries = await t.matching.audit.model.find({ action: 'list_rows_deleted' }).lean();
  expect(entries).toHaveLength(LISTS.length);
  const vehicles = entries.find((e) => e.subjectIds[0] === ids.vehicles);
  expect(vehicles).toMatchObject({
    service: 'matching',
    subjectType: 'department_list',
    actorId: 'system:list-retention',
    count: 1,
    before: { listType: 'vehicles', rows: 4, rowsDeleted: 0 },
    after: { listType: 'vehicles', rows: 1, rowsDeleted: 3 },
  });
  expect(entries.some((e) => e.subjectIds.includes(youngId))).toBe(false);
});

test('running again changes nothing', async () => {
  const { segments } = listModels(t.rt.conn);
  const before = await segments.find({}).sort({ _id: 1 }).lean();
  const lists = await t.matching.lists.byIds(Object.values(ids));
  clock += DAY;
  expect(await t.matching.retention.run()).toEqual({ lists: 0, kept: 0, deleted: 0, busy: 0 });
  expect(await segments.find({}).sort({ _id: 1 }).lean()).toEqual(before);
  expect(await t.matching.lists.byIds(Object.values(ids))).toEqual(lists);
  expect(await t.matching.audit.model.countDocuments({ action: 'list_rows_deleted' })).toBe(
    LISTS.length,
  );
});

test('a rerun after a crash mid-way finishes the list once, with one audit entry', async () => {
  const { lists, segments } = listModels(t.rt.conn);
  // As if the job had marked the young list and emptied its segments, then died.
  clock = UPLOADED + 150 * DAY;
  await lists.updateOne({ _id: youngId }, { $set: { rowsDeletingSince: new Date(clock) } });
  const young = await getList(youngId);
  await segments.updateOne({ listId: youngId, n: 0 }, { $set: { rows: 0 } });
  const done = await t.matching.retention.run();
  expect(done).toMatchObject({ lists: 1, kept: 0 });
  expect(await getList(youngId)).toMatchObject({
    rowsKept: 0,
    rowsDeleted: young.rowsAccepted + young.rowsWithInvalidId,
  });
  expect(
    await t.matching.audit.model.countDocuments({
      action: 'list_rows_deleted',
      subjectIds: youngId,
    }),
  ).toBe(1);
});

test('a list whose rows were deleted is refused for a run and left out of a full run', async () => {
  const one = await t
    .api()
    .post('/runs')
    .set(bearer(t.tokens.county))
    .send({ listId: ids.vehicles });
  expect(one.status).toBe(400);
  expect(one.body).toMatchObject({ code: 'MATCHING_LIST_ROWS_DELETED' });
  expect(JSON.stringify(one.body)).toContain('保留期限');

  // Newer lists are uploaded after the deletion: only they are the current lists.
  const vehicles = LISTS.find((l) => l.type === 'vehicles')!;
  const res = await t.upload(t.tokens.county, csv(vehicles.rows), {
    type: 'vehicles',
    date: LIST_DATE,
  });
  expect(res.status).toBe(201);
  const fresh = (res.body as { id: string }).id;
  const full = await t.api().post('/runs').set(bearer(t.tokens.county)).send({});
  expect(full.status).toBe(202);
  const run = full.body as { id: string; lists: { listId: string }[] };
  expect(run.lists.map((l) => l.listId)).toEqual([fresh]);
  await waitForRun(t.api, t.tokens.county, run.id);
});
