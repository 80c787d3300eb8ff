import path from 'node:path';
import type { Db } from 'mongodb';
import type { CollectionEntry, IndexSpec } from './manifest';
import { LineDigest, ndjsonOf } from './ndjson';
import { writeSealedFile } from './sealed-file';

const BATCH = 1000;

/** Index specs as createIndexes takes them back (`v` and `ns` belong to the server). */
function indexSpecs(raw: Record<string, unknown>[]): IndexSpec[] {
  return raw
    .filter((ix) => ix.name !== '_id_')
    .map(({ v: _v, ns: _ns, ...spec }) => spec as IndexSpec);
}

/**
 * Every collection of `db` into `dir` as `<service>.<collection>.ndjson.gz.enc`, each read by
 * `_id` through a cursor in batches, so the same data always gives the same checksum.
 */
export async function dumpDatabase(
  db: Db,
  service: string,
  dir: string,
  key: Buffer,
): Promise<CollectionEntry[]> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'))
    .sort();
  const entries: CollectionEntry[] = [];
  for (const name of names) {
    const collection = db.collection(name);
    const indexes = indexSpecs(await collection.listIndexes().toArray());
    const file = `${service}.${name}.ndjson.gz.enc`;
    const digest = new LineDigest();
    const cursor = collection.find({}, { batchSize: BATCH }).sort({ _id: 1 });
    const bytes = await writeSealedFile(ndjsonOf(cursor, digest), path.join(dir, file), key);
    entries.push({ name, file, count: digest.count, sha256: digest.hex(), bytes, indexes });
  }
  return entries;
}
