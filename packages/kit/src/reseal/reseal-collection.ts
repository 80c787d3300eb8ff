import type { AnyBulkWriteOperation } from 'mongoose';
import { type Resealers, resealValue, type SealedCollection } from './sealed-fields';

type WrittenOp = { updateOne: { filter: { _id: unknown } } };

/** How far the reseal of one collection has come. */
export interface CollectionReseal {
  collection: string;
  /** Documents in the collection when the walk began. */
  total: number;
  /** Documents read so far. */
  done: number;
  /** Documents written with their values sealed again. */
  resealed: number;
  /** Documents changed by someone else between the read and the write: left for the next run. */
  skipped: number;
}

export interface ResealOptions {
  batchSize?: number;
  /** After each batch is written. */
  onBatch?: (progress: CollectionReseal) => Promise<void> | void;
  /** After a batch is read and before it is written (tests use it to edit a document). */
  afterRead?: (ids: unknown[]) => Promise<void> | void;
}

/**
 * Walks a collection by `_id` in batches and writes back, in one bulk write per batch, the
 * documents holding values sealed with an old key. Each update is guarded by the fields' values
 * as read, so a document edited meanwhile is never overwritten: it is counted as skipped and the
 * next run picks it up.
 */
export async function resealCollection(
  c: SealedCollection,
  r: Resealers,
  opts: ResealOptions = {},
): Promise<CollectionReseal> {
  const coll = c.model.collection;
  const batchSize = opts.batchSize ?? 500;
  const progress: CollectionReseal = {
    collection: coll.collectionName,
    total: await coll.countDocuments({}),
    done: 0,
    resealed: 0,
    skipped: 0,
  };
  const projection = Object.fromEntries(c.fields.map((f) => [f, 1]));
  let after: Record<string, unknown> = {};
  for (;;) {
    const batch = await coll
      .find(after, { projection })
      .sort({ _id: 1 })
      .limit(batchSize)
      .toArray();
    if (!batch.length) break;
    after = { _id: { $gt: batch[batch.length - 1]!._id } };
    const ops: AnyBulkWriteOperation[] = [];
    for (const doc of batch) {
      const filter: Record<string, unknown> = { _id: doc._id };
      const set: Record<string, unknown> = {};
      for (const f of c.fields) {
        if (!(f in doc)) continue;
        const x = resealValue(doc[f], r);
        if (!x.old) continue;
        filter[f] = doc[f];
        set[f] = x.value;
      }
      if (Object.keys(set).length) ops.push({ updateOne: { filter, update: { $set: set } } });
    }
    await opts.afterRead?.(batch.map((d) => d._id));
    if (ops.length) {
      const res = await coll.bulkWrite(ops as never, { ordered: false });
      progress.resealed += res.matchedCount;
      progress.skipped += ops.length - res.matchedCount;
      if (c.resealed) await c.resealed(ops.map((o) => (o as WrittenOp).updateOne.filter._id));
    }
    progress.done += batch.length;
    await opts.onBatch?.({ ...progress });
  }
  return progress;
}

/** How many sealed values of a collection still use an old key (reads every document). */
export async function valuesOnOldKeys(c: SealedCollection, r: Resealers): Promise<number> {
  const projection = Object.fromEntries(c.fields.map((f) => [f, 1]));
  let n = 0;
  for await (const doc of c.model.collection.find({}, { projection })) {
    for (const f of c.fields) n += resealValue(doc[f], r, true).old;
  }
  return n;
}
