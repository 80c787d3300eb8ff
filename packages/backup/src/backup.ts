import { mkdir } from 'node:fs/promises';
import type { Admin } from 'kafkajs';
import type { MongoClient } from 'mongodb';
import { dumpDatabase } from './dump-database';
import { readGroupOffsets } from './kafka-offsets';
import { type DatabaseEntry, type Manifest, TOOL, TOOL_VERSION, writeManifest } from './manifest';
import type { DatabaseTarget } from './targets';

export interface BackupInput {
  mongo: MongoClient;
  admin: Admin;
  targets: DatabaseTarget[];
  /** Only consumer groups whose id starts with this (the environment's topic prefix). */
  groupPrefix: string;
  out: string;
  key: Buffer;
}

/**
 * A copy of the platform taken while it runs. The consumer offsets are read first, the
 * collections after: every effect a projection holds in the copy comes from an event at or
 * after those offsets at the latest, so consumers restored to them re-read what the copy may
 * lack and skip (by event id) what it already has. The outbox is a collection of its
 * service, so rows not yet published at copy time are published again after a restore.
 */
export async function backup(input: BackupInput): Promise<Manifest> {
  const startedAt = new Date().toISOString();
  await mkdir(input.out, { recursive: true });
  const offsetsReadAt = new Date().toISOString();
  const groups = await readGroupOffsets(input.admin, input.groupPrefix);
  const databases: DatabaseEntry[] = [];
  for (const { service, db } of input.targets) {
    const collections = await dumpDatabase(input.mongo.db(db), service, input.out, input.key);
    databases.push({ service, db, collections });
  }
  const manifest: Manifest = {
    tool: TOOL,
    version: TOOL_VERSION,
    startedAt,
    finishedAt: new Date().toISOString(),
    kafka: { offsetsReadAt, groups },
    databases,
  };
  await writeManifest(input.out, manifest);
  return manifest;
}
