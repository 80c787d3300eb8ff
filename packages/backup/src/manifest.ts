import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const TOOL = '@fupin/backup';
export const TOOL_VERSION = '0.1.0';
export const MANIFEST_FILE = 'manifest.json';

/** An index as listIndexes gives it (its key, name and options), without the `_id_` one. */
export type IndexSpec = Record<string, unknown> & { key: Record<string, unknown>; name: string };

export interface CollectionEntry {
  name: string;
  /** The sealed file, relative to the backup folder. */
  file: string;
  count: number;
  /** SHA-256 (hex) of the plain NDJSON: one canonical EJSON document a line, by `_id`. */
  sha256: string;
  /** Size of the sealed file. */
  bytes: number;
  indexes: IndexSpec[];
}

export interface DatabaseEntry {
  service: string;
  db: string;
  collections: CollectionEntry[];
}

/** Committed offsets of one consumer group, read before any collection. */
export interface GroupOffsets {
  groupId: string;
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
}

export interface Manifest {
  tool: string;
  version: string;
  startedAt: string;
  finishedAt: string;
  kafka: { offsetsReadAt: string; groups: GroupOffsets[] };
  databases: DatabaseEntry[];
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  if (manifest.tool !== TOOL) throw new Error(`${dir} holds no ${TOOL} manifest`);
  return manifest;
}
