import path from 'node:path';
import type { Db, Document, IndexDescription } from 'mongodb';
import type { CollectionEntry } from './manifest';
import { documentsOf, LineDigest } from './ndjson';
import { openSealedFile } from './sealed-file';

const BATCH = 1000;

/** Reads a file through, checking its tag, count and SHA-256 against the manifest. */
export async function verifyCollectionFile(dir: string, entry: CollectionEntry, key: Buffer) {
  const digest = new LineDigest();
  const source = await openSealedFile(path.join(dir, entry.file), key);
  try {
    for await (const _doc of documentsOf(source, digest));
  } catch (err) {
    throw new Error(
      `${entry.file} cannot be read with this BACKUP_KEY, or it was changed since the backup: ${String(err)}`,
    );
  }
  const sha256 = digest.hex();
  if (digest.count !== entry.count || sha256 !== entry.sha256)
    throw new Error(
      `${entry.file} does not match the manifest: ${digest.count} documents (manifest ${entry.count}), sha256 ${sha256} (manifest ${entry.sha256})`,
    );
}

/** Inserts a verified file into `db` in batches and recreates its indexes; returns the count. */
export async function loadCollection(
  db: Db,
  dir: string,
  entry: CollectionEntry,
  key: Buffer,
): Promise<number> {
  const collection = await db.createCollection(entry.name);
  const source = await openSealedFile(path.join(dir, entry.file), key);
  let batch: Document[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await collection.insertMany(batch, { ordered: true });
    inserted += batch.length;
    batch = [];
  };
  for await (const doc of documentsOf(source, new LineDigest())) {
    batch.push(doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (entry.indexes.length > 0) await collection.createIndexes(entry.indexes as IndexDescription[]);
  return inserted;
}
