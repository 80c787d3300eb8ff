import { planProblems } from '@fupin/testing';
import { type Connection, Schema } from 'mongoose';
import { countyWide, idFirst, type Principal, scopedRepository } from '../src';
import { kitContext } from './fixtures/context';

const TOWNSHIP_A = '431121101000';
const TOWNSHIP_B = '431121102000';
const MISSING = { what: { 'zh-CN': '地块', en: 'Parcel' }, code: 'PARCEL_NOT_FOUND' };

interface Parcel {
  _id: string;
  areaCode: string;
  status: string;
}

const parcelSchema = new Schema<Parcel>(
  { _id: String, areaCode: String, status: String },
  { collection: 'parcels', versionKey: false },
);
parcelSchema.index({ areaCode: 1, status: 1 });
parcelSchema.index({ status: 1, areaCode: 1 });

const user = (areaCode: string): Principal => ({
  userId: 'u',
  username: 'u',
  roles: [],
  areaCode,
  rights: {},
});

let ctx: Awaited<ReturnType<typeof kitContext>>;
let conn: Connection;
beforeAll(async () => {
  ctx = await kitContext();
  conn = ctx.conn;
  const Parcel = conn.model<Parcel>('Parcel', parcelSchema);
  await Parcel.createIndexes();
  // Villages 201–240 of both townships: enough rows that a scan would show in the plan.
  await Parcel.insertMany(
    [TOWNSHIP_A, TOWNSHIP_B].flatMap((t) =>
      Array.from({ length: 40 }, (_, i) => ({
        _id: `${t.slice(0, 9)}-${i}`,
        areaCode: `${t.slice(0, 9)}${String(201 + i)}`,
        status: i % 2 ? 'open' : 'closed',
      })),
    ),
  );
});
afterAll(async () => {
  await ctx.close();
});

test("a township user's reads return only its township, and another's record is not found", async () => {
  const repo = scopedRepository<Parcel>(conn.models.Parcel!);
  const a = user(TOWNSHIP_A);
  const open = await repo.find(a, { status: 'open' });
  expect(open).toHaveLength(20);
  expect(open.every((p) => p.areaCode.startsWith('431121101'))).toBe(true);
  expect(await repo.count(a)).toBe(40);
  expect(await repo.count(countyWide('test of the whole county'))).toBe(80);
  await expect(repo.get(a, '431121102-0', MISSING)).rejects.toMatchObject({ status: 404 });
  await expect(repo.getForChange(a, '431121102-0', MISSING)).rejects.toMatchObject({
    status: 403,
  });
  const changed = await repo.updateMany(a, { _id: '431121102-1' }, { $set: { status: 'x' } });
  expect(changed.modifiedCount).toBe(0);
  const [byStatus] = await repo.aggregate<{ n: number }>(a, [
    { $match: { status: 'closed' } },
    { $count: 'n' },
  ]);
  expect(byStatus?.n).toBe(20);
});

test('the scoped filter is served by an index, alone and with a filter of its own', async () => {
  const repo = scopedRepository<Parcel>(conn.models.Parcel!);
  const a = user(TOWNSHIP_A);
  const coll = conn.db!.collection('parcels');
  for (const filter of [repo.filter(a), repo.filter(a, { status: 'open' })]) {
    const explained = (await coll.find(filter).explain('queryPlanner')) as Record<string, unknown>;
    expect(planProblems(explained, undefined)).toEqual([]);
  }
});

test('a read by id leads with the id, so the engine serves it from the _id index, and stays in scope', async () => {
  const repo = scopedRepository<Parcel>(conn.models.Parcel!);
  const a = user(TOWNSHIP_A);
  // SecantusDB serves the first condition an index covers: the id, not the township's range.
  const filter = repo.filter(a, { status: 'open', _id: '431121101-3' });
  expect(Object.keys(filter)[0]).toBe('_id');
  expect(filter).toMatchObject({ status: 'open', areaCode: { $gte: '431121101' } });
  expect((await repo.get(a, '431121101-3', MISSING)).areaCode).toBe('431121101204');
  expect(await repo.find(a, { _id: { $in: ['431121101-3', '431121102-3'] } })).toHaveLength(1);
  await expect(repo.get(a, '431121102-3', MISSING)).rejects.toMatchObject({ status: 404 });
});

test('only a filter naming records by id is led by the id', () => {
  const area = { areaCode: { $gte: '431121101000', $lt: '431121102000' } };
  expect(Object.keys(idFirst({ ...area, _id: 'x' }))).toEqual(['_id', 'areaCode']);
  expect(Object.keys(idFirst({ ...area, _id: { $in: ['x', 'y'] } }))[0]).toBe('_id');
  expect(Object.keys(idFirst({ ...area, _id: { $eq: 'x' } }))[0]).toBe('_id');
  expect(Object.keys(idFirst({ ...area, _id: { $gt: 'x' } }))[0]).toBe('areaCode');
  expect(idFirst({ ...area, status: 'open' })).toEqual({ ...area, status: 'open' });
  expect(idFirst({})).toEqual({});
});

test('writes by id, led by the id, change only records in scope', async () => {
  const repo = scopedRepository<Parcel>(conn.models.Parcel!);
  const a = user(TOWNSHIP_A);
  expect(
    (await repo.updateOne(a, { _id: '431121101-5' }, { $set: { status: 'x' } })).modifiedCount,
  ).toBe(1);
  expect(
    (await repo.updateOne(a, { _id: '431121102-5' }, { $set: { status: 'x' } })).modifiedCount,
  ).toBe(0);
  expect(
    await repo.findOneAndUpdate(a, { _id: '431121101-6' }, { $set: { status: 'y' } }),
  ).toMatchObject({ status: 'y' });
  expect(
    await repo.findOneAndUpdate(a, { _id: '431121102-6' }, { $set: { status: 'y' } }),
  ).toBeNull();
  expect((await repo.deleteOne(a, { _id: '431121102-7' })).deletedCount).toBe(0);
  expect((await repo.deleteOne(a, { _id: '431121101-7' })).deletedCount).toBe(1);
  const coll = conn.db!.collection<{ _id: string; status: string }>('parcels');
  expect(await coll.findOne({ _id: '431121102-5' })).toMatchObject({ status: 'open' });
  expect(await coll.findOne({ _id: '431121102-6' })).toMatchObject({ status: 'closed' });
  expect(await coll.findOne({ _id: '431121102-7' })).not.toBeNull();
});
