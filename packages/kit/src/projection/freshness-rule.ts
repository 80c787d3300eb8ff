/**
 * 数据新鲜度 — the pure arithmetic of how far a view built from the registry's events is
 * behind the registry. No I/O here: the figures come from Kafka (per partition: the oldest
 * and next offset, and the offset the view's consumer group has committed) and from the
 * registry (the events still in its outbox, written but not yet published).
 */

/** One partition of a topic the view consumes. */
export interface PartitionPosition {
  /** The first offset still kept (older messages were removed by retention). */
  low: number;
  /** The offset the next message will get (the high watermark). */
  high: number;
  /** The next offset the view's group will read; null when the group has not committed yet. */
  committed: number | null;
}

export interface FreshnessFigures {
  partitions: PartitionPosition[];
  /** Events the registry stored with their change but has not published; null: unknown. */
  registryPending: number | null;
}

export interface Position {
  /** Events the registry has written on the view's topics: published, then still in its outbox. */
  registryPosition: number;
  /** Of those, the events this view has applied. */
  appliedPosition: number;
  /** `registryPosition - appliedPosition`. */
  behind: number;
}

/**
 * Where a view stands. A partition the group has not committed on counts from its oldest kept
 * message; a committed offset read after the high watermark may be past it (the view went on
 * meanwhile) and counts as the high watermark. Unknown registry figures count as none pending:
 * the caller records that they were unknown.
 */
export function positionOf(f: FreshnessFigures): Position {
  let published = 0;
  let applied = 0;
  for (const p of f.partitions) {
    const high = Math.max(p.high, 0);
    const low = Math.min(Math.max(p.low, 0), high);
    published += high;
    applied += Math.min(Math.max(p.committed ?? low, low), high);
  }
  const registryPosition = published + Math.max(f.registryPending ?? 0, 0);
  return { registryPosition, appliedPosition: applied, behind: registryPosition - applied };
}

export type ViewVerdict =
  /** Nothing written by the registry is missing: act on the view. */
  | 'fresh'
  /** Behind, and the wait allowed is not over: measure again shortly. */
  | 'wait'
  /** Still behind when the wait allowed is over: refuse, saying how far behind. */
  | 'behind';

/**
 * Whether something may act on a view now. `maxBehind` is how many events may be missing
 * (0: none — a run never reads a partial view); the wait is bounded by `maxWaitMs`.
 */
export function viewVerdict(
  behind: number,
  waitedMs: number,
  opts: { maxWaitMs: number; maxBehind?: number },
): ViewVerdict {
  if (behind <= (opts.maxBehind ?? 0)) return 'fresh';
  return waitedMs < opts.maxWaitMs ? 'wait' : 'behind';
}
