import type { Model } from 'mongoose';
import {
  AppError,
  countyWide,
  docInScope,
  type Principal,
  scopedRepository,
  scopeFilter,
  withinScope,
} from '../src';

const TOWNSHIP_A = '431121101000';
const VILLAGE_A1 = '431121101201';
const VILLAGE_B1 = '431121102201';

const user = (areaCode: string): Principal => ({
  userId: 'u',
  username: 'u',
  roles: [],
  areaCode,
  rights: {},
});

/** A model that records the filters it is given and answers `docs` to every read. */
function recordingModel(docs: Record<string, unknown>[] = []) {
  const filters: unknown[] = [];
  const query = (result: unknown) => {
    const q = {
      sort: () => q,
      hint: () => q,
      skip: () => q,
      limit: () => q,
      lean: () => q,
      exec: async () => result,
    };
    return q;
  };
  const model = {
    find: (f: unknown) => (filters.push(f), query(docs)),
    findOne: (f: unknown) => (filters.push(f), query(docs[0] ?? null)),
    findById: (id: unknown) => (filters.push({ _id: id }), query(docs[0] ?? null)),
    countDocuments: async (f: unknown) => (filters.push(f), docs.length),
    aggregate: (p: unknown) => (filters.push(p), query([])),
    updateOne: (f: unknown) => (filters.push(f), query({ modifiedCount: 1 })),
  };
  return { model: model as unknown as Model<unknown>, filters };
}

test('a township caller reads its township as a range on the area code, flat with the filter', () => {
  expect(withinScope(user(TOWNSHIP_A), { status: 'open' })).toEqual({
    areaCode: { $gte: '431121101', $lt: '431121102' },
    status: 'open',
  });
});

test('an area filter inside the scope narrows the range rather than adding a second condition', () => {
  expect(
    withinScope(user(TOWNSHIP_A), { areaCode: { $gte: '431121101201', $lt: '431121101202' } }),
  ).toEqual({ areaCode: { $gte: '431121101201', $lt: '431121101202' } });
});

test('a county-wide job has no scope condition and must say why', () => {
  expect(scopeFilter(countyWide('quarterly ranking'))).toEqual({});
  expect(() => countyWide(' ')).toThrow(/reason/);
});

test('a record with several area fields is in scope when any of them is', () => {
  const doc = { areaCode: VILLAGE_B1, linkedAreas: [VILLAGE_A1] };
  expect(docInScope(user(TOWNSHIP_A), doc, ['areaCode', 'linkedAreas'])).toBe(true);
  expect(docInScope(user(TOWNSHIP_A), doc, 'areaCode')).toBe(false);
  expect(
    docInScope(user(TOWNSHIP_A), { startedBy: { areaCode: VILLAGE_A1 } }, 'startedBy.areaCode'),
  ).toBe(true);
});

test('every read of the repository carries the scope', async () => {
  const { model, filters } = recordingModel();
  const repo = scopedRepository(model, 'areaCodes');
  const p = user(TOWNSHIP_A);
  const scoped = { areaCodes: { $gte: '431121101', $lt: '431121102' } };
  await repo.find(p, { status: 'open' });
  await repo.findOne(p, { _id: 'x' });
  await repo.count(p, { status: 'open' });
  await repo.aggregate(p, [{ $match: { status: 'open' } }, { $count: 'n' }]);
  await repo.aggregate(p, [{ $sort: { _id: 1 } }]);
  await repo.updateOne(p, { _id: 'x' }, { $set: { status: 'closed' } });
  expect(filters).toEqual([
    { ...scoped, status: 'open' },
    { ...scoped, _id: 'x' },
    { ...scoped, status: 'open' },
    [{ $match: { ...scoped, status: 'open' } }, { $count: 'n' }],
    [{ $match: scoped }, { $sort: { _id: 1 } }],
    { ...scoped, _id: 'x' },
  ]);
});

test('a record out of scope read by id is not found; to change it is forbidden', async () => {
  const other = { _id: 'x', areaCode: VILLAGE_B1 };
  const missing = { what: { 'zh-CN': '项目', en: 'Project' }, code: 'X_NOT_FOUND' };
  const read = scopedRepository(recordingModel([]).model);
  await expect(read.get(user(TOWNSHIP_A), 'x', missing)).rejects.toMatchObject({
    status: 404,
    code: 'X_NOT_FOUND',
  });
  const change = scopedRepository(recordingModel([other]).model);
  await expect(change.getForChange(user(TOWNSHIP_A), 'x', missing)).rejects.toMatchObject({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  await expect(change.getForChange(countyWide('repair job'), 'x', missing)).resolves.toBe(other);
});

test('a write cannot place a record outside the scope', async () => {
  const repo = scopedRepository(recordingModel().model);
  const p = user(TOWNSHIP_A);
  expect(() => repo.assertWritable(p, VILLAGE_B1)).toThrow(AppError);
  expect(() => repo.assertWritable(p, { areaCode: VILLAGE_A1 })).not.toThrow();
  expect(() => repo.updateOne(p, { _id: 'x' }, { $set: { areaCode: VILLAGE_B1 } })).toThrow(
    expect.objectContaining({ status: 403 }),
  );
  await expect(repo.create(p, { areaCode: VILLAGE_B1 })).rejects.toMatchObject({ status: 403 });
});
