import { createHash } from 'node:crypto';

/**
 * 审计链 — the audit log chained by hash: each entry carries `seq` (1, 2, 3 … per service
 * database), the previous entry's hash and its own hash over its audited fields, so an entry
 * changed, inserted or deleted directly in the database no longer fits the chain.
 */

/** The hash the first entry of a chain follows. */
export const CHAIN_START = '0'.repeat(64);

/** The fields of an entry the hash covers: what was audited, not the outbox bookkeeping. */
export const CHAINED_FIELDS = [
  '_id',
  'at',
  'service',
  'action',
  'actorId',
  'actorName',
  'actorArea',
  'subjectType',
  'subjectIds',
  'fields',
  'reason',
  'requestId',
  'count',
  'before',
  'after',
  'seq',
  'prevHash',
] as const;

/**
 * One text for one value whatever the order its keys were stored in: object keys sorted,
 * dates as ISO text, undefined as null (MongoDB gives back what it stored, never undefined).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of an entry: SHA-256 over the canonical form of its chained fields (prevHash included). */
export function chainHash(entry: Record<string, unknown>): string {
  const picked: Record<string, unknown> = {};
  for (const f of CHAINED_FIELDS) picked[f] = entry[f] ?? null;
  return createHash('sha256').update(canonicalJson(picked), 'utf8').digest('hex');
}

/** An entry as the chain sees it. */
export interface ChainedEntry extends Record<string, unknown> {
  _id: string;
  at: Date;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Links entries after the chain's last (`last` null for an empty chain), in order. */
export function linkEntries<T extends object>(
  last: { seq: number; hash: string } | null,
  entries: T[],
): (T & { seq: number; prevHash: string; hash: string })[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? CHAIN_START;
  return entries.map((e) => {
    seq += 1;
    const linked = { ...e, seq, prevHash };
    const hash = chainHash(linked as Record<string, unknown>);
    prevHash = hash;
    return { ...linked, hash };
  });
}

/** The last entry of a day as published on `audit.v1`: the chain must still reach it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export type ChainProblemKind = 'changed' | 'deleted' | 'inserted' | 'tail_missing';

/** One place where the chain breaks. */
export interface ChainProblem {
  kind: ChainProblemKind;
  /** The seq where it is found (for `deleted`, the first missing one). */
  seq: number | null;
  /** The entry found there (none for a deleted entry). */
  entryId: string | null;
  detail: string;
}

/** What `verifyChain` found. */
export interface ChainReport {
  ok: boolean;
  /** Chained entries read. */
  checked: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  /** Entries written before the chain began (no seq): not checked, and not a failure. */
  unchained: number;
  /** The first problems in chain order (at most `maxProblems`). */
  problems: ChainProblem[];
}

/** How verifyChain reads a service's audit log: bulk reads by seq, through the seq index. */
export interface ChainSource {
  /** Chained entries with seq above `afterSeq`, by seq ascending, at most `limit`. */
  chainedAfter(afterSeq: number, limit: number): Promise<ChainedEntry[]>;
  /** Entries without seq from before `at` (the chain's start), counted. */
  unchainedBefore(at: Date | null): Promise<number>;
  /** Entries without seq at or after `at`: they have no place in the chain. */
  unchainedSince(at: Date, limit: number): Promise<{ _id: string; at: Date }[]>;
}

interface Walk {
  prev: ChainedEntry | null;
  problems: ChainProblem[];
  max: number;
}

function note(w: Walk, p: ChainProblem): void {
  if (w.problems.length < w.max) w.problems.push(p);
}

function seqRange(from: number, to: number): string {
  return from === to ? `seq ${from}` : `seq ${from}–${to}`;
}

/** Checks an entry against the one before it (its place), then against its own hash. */
function checkEntry(w: Walk, e: ChainedEntry): void {
  const { prev } = w;
  if (prev && e.seq === prev.seq)
    note(w, {
      kind: 'inserted',
      seq: e.seq,
      entryId: e._id,
      detail: `entry ${e._id} repeats seq ${e.seq}`,
    });
  else if (prev && e.seq > prev.seq + 1)
    note(w, {
      kind: 'deleted',
      seq: prev.seq + 1,
      entryId: null,
      detail: `${seqRange(prev.seq + 1, e.seq - 1)} missing between ${prev._id} and ${e._id}`,
    });
  else if (e.prevHash !== (prev?.hash ?? (e.seq === 1 ? CHAIN_START : e.prevHash)))
    note(w, {
      kind: 'deleted',
      seq: e.seq,
      entryId: e._id,
      detail: `entry ${e._id} at seq ${e.seq} does not follow the entry before it`,
    });
  if (chainHash(e) !== e.hash)
    note(w, {
      kind: 'changed',
      seq: e.seq,
      entryId: e._id,
      detail: `entry ${e._id} at seq ${e.seq} does not match its hash`,
    });
}

/**
 * Walks a service's audit chain from its first seq in batches and reports the first problems
 * with where they are: an entry whose hash no longer matches (`changed`), a gap or a broken
 * link (`deleted`), an entry with no place in the chain (`inserted`), an anchor the chain no
 * longer reaches or no longer matches (`tail_missing`, `changed`).
 */
export async function verifyChain(
  source: ChainSource,
  opts: { anchors?: ChainAnchor[]; batch?: number; maxProblems?: number } = {},
): Promise<ChainReport> {
  const batch = opts.batch ?? 1000;
  const w: Walk = { prev: null, problems: [], max: opts.maxProblems ?? 20 };
  const anchors = new Map((opts.anchors ?? []).map((a) => [a.seq, a.hash]));
  let first: ChainedEntry | null = null;
  let checked = 0;
  for (;;) {
    const page = await source.chainedAfter(w.prev?.seq ?? 0, batch);
    for (const e of page) {
      first ??= e;
      if (!w.prev && e.seq !== 1)
        note(w, {
          kind: 'deleted',
          seq: 1,
          entryId: null,
          detail: `${seqRange(1, e.seq - 1)} missing before ${e._id}`,
        });
      checkEntry(w, e);
      const anchored = anchors.get(e.seq);
      if (anchored !== undefined && anchored !== e.hash)
        note(w, {
          kind: 'changed',
          seq: e.seq,
          entryId: e._id,
          detail: `entry ${e._id} at seq ${e.seq} is not the one anchored`,
        });
      w.prev = e;
      checked += 1;
    }
    if (page.length < batch) break;
  }
  const last = w.prev;
  const newest = Math.max(0, ...anchors.keys());
  if (newest > (last?.seq ?? 0))
    note(w, {
      kind: 'tail_missing',
      seq: (last?.seq ?? 0) + 1,
      entryId: null,
      detail: `anchored seq ${newest}, the chain ends at ${last?.seq ?? 0}`,
    });
  if (first)
    for (const u of await source.unchainedSince(first.at, w.max))
      note(w, {
        kind: 'inserted',
        seq: null,
        entryId: u._id,
        detail: `entry ${u._id} of ${u.at.toISOString()} has no place in the chain`,
      });
  return {
    ok: w.problems.length === 0,
    checked,
    firstSeq: first?.seq ?? null,
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
    unchained: await source.unchainedBefore(first?.at ?? null),
    problems: w.problems,
  };
}
