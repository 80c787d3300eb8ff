import type { Admin } from 'kafkajs';
import type { MongoClient } from 'mongodb';
import { writeGroupOffsets } from './kafka-offsets';
import { loadCollection, verifyCollectionFile } from './load-collection';
import { type Manifest, readManifest } from './manifest';

export interface RestoreInput {
  mongo: MongoClient;
  admin: Admin;
  from: string;
  key: Buffer;
}

export interface RestoreResult {
  manifest: Manifest;
  documents: number;
  collections: number;
  groups: number;
}

/** Refuses before anything is written when a database of the backup already holds data. */
async function refuseNonEmpty(mongo: MongoClient, manifest: Manifest): Promise<void> {
  for (const { db } of manifest.databases) {
    const existing = await mongo.db(db).listCollections({}, { nameOnly: true }).toArray();
    const names = existing.map((c) => c.name).filter((n) => !n.startsWith('system.'));
    if (names.length > 0)
      throw new Error(
        `database ${db} is not empty (${names.slice(0, 5).join(', ')}…): restore goes into an empty stack only`,
      );
  }
}

/**
 * Restores a backup into an empty stack: every file is verified against the manifest first
 * (tag, count, SHA-256), then loaded with its indexes, then the consumer groups are set to
 * the offsets read at backup time — the services must be stopped (Kafka refuses to move a
 * group that has members).
 */
export async function restore(input: RestoreInput): Promise<RestoreResult> {
  const manifest = await readManifest(input.from);
  await refuseNonEmpty(input.mongo, manifest);
  for (const database of manifest.databases)
    for (const entry of database.collections)
      await verifyCollectionFile(input.from, entry, input.key);
  let documents = 0;
  let collections = 0;
  for (const database of manifest.databases) {
    const db = input.mongo.db(database.db);
    for (const entry of database.collections) {
      documents += await loadCollection(db, input.from, entry, input.key);
      collections += 1;
    }
  }
  await writeGroupOffsets(input.admin, manifest.kafka.groups);
  return { manifest, documents, collections, groups: manifest.kafka.groups.length };
}
