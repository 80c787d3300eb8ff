import { getInfra, uniqueName } from '@fupin/testing';
import { type Db, MongoClient, MongoServerError } from 'mongodb';

/**
 * The engine checklist: what the platform's code relies on of its MongoDB-wire server, run
 * against whichever server MONGO_URL names (SecantusDB from deploy/local, MongoDB 7 from
 * testcontainers). It is how the local engine was chosen (README, "Which MongoDB engine"),
 * and it fails the day an engine upgrade stops doing one of these things.
 */

/** Documents keyed by string ids, as the platform's aggregates are. */
type Keyed = { _id: string } & Record<string, unknown>;

let client: MongoClient;
let db: Db;

beforeAll(async () => {
  const infra = await getInfra();
  client = await MongoClient.connect(infra.mongoUrl);
  db = client.db(uniqueName('engine_checklist'));
});

afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await client?.close();
});

interface Plan {
  stage: string;
  indexName?: string;
  limitAmount?: number;
  inputStage?: Plan;
  inputStages?: Plan[];
}

function stagesOf(plan: Plan): Plan[] {
  return [
    plan,
    ...(plan.inputStage ? stagesOf(plan.inputStage) : []),
    ...(plan.inputStages ?? []).flatMap(stagesOf),
  ];
}

async function household(i: number) {
  return {
    _id: `h${String(i).padStart(6, '0')}`,
    areaCode: `4307${String(21 + (i % 3)).padStart(2, '0')}${String(100 + (i % 7)).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`,
    status: i % 4 === 0 ? 'exited' : 'in_poverty',
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    members: [
      { id: `m${i}a`, idHash: `hash${i}a` },
      { id: `m${i}b`, idHash: `hash${i}b` },
    ],
  };
}

describe('the MongoDB-wire engine does what the platform relies on', () => {
  it('uses a compound index for a scoped, sorted page and its count, and an array index for member lookups', async () => {
    const col = db.collection<Keyed>('households');
    await col.insertMany(await Promise.all(Array.from({ length: 3000 }, (_, i) => household(i))));
    await col.createIndex({ areaCode: 1, updatedAt: -1, _id: 1 });
    await col.createIndex({ 'members.idHash': 1 });
    const township = { areaCode: { $gte: '430722000000', $lt: '430723000000' } };

    const page = await col.find(township).sort({ updatedAt: -1 }).limit(25).explain('queryPlanner');
    const stages = stagesOf(page.queryPlanner.winningPlan as Plan);
    expect(stages.map((s) => s.stage)).toContain('IXSCAN');
    expect(stages.map((s) => s.stage)).not.toContain('COLLSCAN');
    for (const s of stages.filter((x) => x.stage === 'SORT'))
      expect(s.limitAmount).toBeLessThanOrEqual(25);

    const count = await db.command({
      explain: { count: 'households', query: township },
      verbosity: 'queryPlanner',
    });
    const countStages = stagesOf(count.queryPlanner.winningPlan as Plan).map((s) => s.stage);
    expect(countStages.some((s) => s === 'IXSCAN' || s === 'COUNT_SCAN')).toBe(true);

    const member = await col.find({ 'members.idHash': 'hash42b' }).explain('queryPlanner');
    expect(stagesOf(member.queryPlanner.winningPlan as Plan).map((s) => s.indexName)).toContain(
      'members.idHash_1',
    );
    expect(await col.countDocuments(township)).toBe(1000);
  });

  it('refuses a duplicate key with code 11000 and keeps the first document', async () => {
    const col = db.collection('unique_keys');
    await col.createIndex({ idHash: 1 }, { unique: true });
    await col.insertOne({ idHash: 'a', name: 'first' });
    const err = await col.insertOne({ idHash: 'a', name: 'second' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(11000);
    expect(await col.find({ idHash: 'a' }).toArray()).toMatchObject([{ name: 'first' }]);
  });

  it('upserts with $setOnInsert, $inc, $set and $push, and pulls with a condition', async () => {
    const col = db.collection<{
      _id: string;
      n?: number;
      tags?: string[];
      created?: string;
      last?: string;
    }>('upserts');
    for (const tag of ['a', 'b', 'c']) {
      await col.updateOne(
        { _id: 'x' },
        {
          $setOnInsert: { created: tag },
          $inc: { n: 1 },
          $set: { last: tag },
          $push: { tags: tag },
        },
        { upsert: true },
      );
    }
    await col.updateOne({ _id: 'x' }, { $pull: { tags: { $in: ['b'] } } });
    expect(await col.findOne({ _id: 'x' })).toEqual({
      _id: 'x',
      created: 'a',
      n: 3,
      last: 'c',
      tags: ['a', 'c'],
    });
  });

  it('gives one claim per document to concurrent findOneAndUpdate claimers and loses no $inc', async () => {
    const jobs = db.collection<{ _id: number; owner: string | null }>('claims');
    await jobs.insertMany(Array.from({ length: 8 }, (_, i) => ({ _id: i, owner: null })));
    const claims = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        jobs.findOneAndUpdate(
          { owner: null },
          { $set: { owner: `w${i}` } },
          { returnDocument: 'after' },
        ),
      ),
    );
    expect(claims.filter((c) => c !== null)).toHaveLength(8);
    const counter = db.collection<{ _id: string; n: number }>('counter');
    await counter.insertOne({ _id: 'c', n: 0 });
    await Promise.all(
      Array.from({ length: 200 }, () => counter.updateOne({ _id: 'c' }, { $inc: { n: 1 } })),
    );
    expect((await counter.findOne({ _id: 'c' }))?.n).toBe(200);
  });

  it('runs unordered bulk writes, reporting the rejected ones and keeping the rest', async () => {
    const col = db.collection<{ _id: string; v: number }>('bulk');
    await col.insertOne({ _id: 'k1', v: 0 });
    const res = await col
      .bulkWrite(
        [
          { insertOne: { document: { _id: 'k1', v: 1 } } },
          { insertOne: { document: { _id: 'k2', v: 2 } } },
          { updateOne: { filter: { _id: 'k3' }, update: { $set: { v: 3 } }, upsert: true } },
          { replaceOne: { filter: { _id: 'k1', v: 0 }, replacement: { v: 10 } } },
        ],
        { ordered: false },
      )
      .catch((e: { writeErrors?: unknown[]; result?: unknown }) => e);
    expect((res as { writeErrors?: unknown[] }).writeErrors ?? []).toHaveLength(1);
    expect(await col.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'k1', v: 10 },
      { _id: 'k2', v: 2 },
      { _id: 'k3', v: 3 },
    ]);
  });

  it('computes the aggregation stages the reports use', async () => {
    const col = db.collection('agg');
    await col.insertMany([
      { t: 'a', v: 1, xs: [1, 2], o: { k: 'x' } },
      { t: 'a', v: 3, xs: [3], o: { k: 'y' } },
      { t: 'b', v: 5, xs: [], o: { k: 'z' } },
    ]);
    await db.collection<{ _id: string; name: string }>('agg_names').insertMany([
      { _id: 'a', name: '甲' },
      { _id: 'b', name: '乙' },
    ]);
    const [out] = await col
      .aggregate([
        {
          $facet: {
            byT: [
              {
                $group: {
                  _id: '$t',
                  sum: { $sum: '$v' },
                  max: { $max: '$v' },
                  min: { $min: '$v' },
                  first: { $first: '$o.k' },
                  n: { $sum: 1 },
                },
              },
              { $sort: { _id: 1 } },
              {
                $lookup: { from: 'agg_names', localField: '_id', foreignField: '_id', as: 'names' },
              },
              { $unwind: '$names' },
              { $project: { _id: 1, sum: 1, max: 1, min: 1, first: 1, n: 1, name: '$names.name' } },
            ],
            unwound: [{ $unwind: '$xs' }, { $count: 'n' }],
          },
        },
      ])
      .toArray();
    expect(out).toEqual({
      byT: [
        { _id: 'a', sum: 4, max: 3, min: 1, first: 'x', n: 2, name: '甲' },
        { _id: 'b', sum: 5, max: 5, min: 5, first: 'z', n: 1, name: '乙' },
      ],
      unwound: [{ n: 3 }],
    });
  });

  it('updates array elements through arrayFilters and dot paths', async () => {
    const col = db.collection<Keyed>('arrays');
    await col.insertOne({
      _id: 'h',
      members: [
        { id: 'a', status: 'active' },
        { id: 'b', status: 'active' },
      ],
    });
    await col.updateOne(
      { _id: 'h' },
      { $set: { 'members.$[m].status': 'removed' } },
      { arrayFilters: [{ 'm.id': 'b' }] },
    );
    expect(await col.countDocuments({ 'members.status': 'removed' })).toBe(1);
    expect((await col.findOne({ _id: 'h' }))?.members).toEqual([
      { id: 'a', status: 'active' },
      { id: 'b', status: 'removed' },
    ]);
  });

  it('commits a multi-document transaction and leaves nothing of an aborted one', async () => {
    const a = db.collection<Keyed>('tx_a');
    const b = db.collection<Keyed>('tx_b');
    await a.insertOne({ _id: 'seed' });
    await b.insertOne({ _id: 'seed' });
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await a.insertOne({ _id: 'one' }, { session });
        await b.insertOne({ _id: 'one' }, { session });
      });
      session.startTransaction();
      await a.insertOne({ _id: 'two' }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await a.countDocuments()).toBe(2);
    expect(await b.countDocuments()).toBe(2);
    expect(await a.countDocuments({ _id: 'two' })).toBe(0);
  });
});
