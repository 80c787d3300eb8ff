import {
  householdSnapshotSchema,
  type HouseholdSnapshot,
  memberSnapshotSchema,
  type MemberSnapshot,
} from '@fupin/contracts';
import {
  areaWithin,
  badRequest,
  bi,
  type Filter,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import { type HashKeys, householdSnapshot, memberSnapshot } from '../households/household.events';
import type { Household } from '../households/household.model';

/** One line of the household snapshot stream. */
export type SnapshotLine =
  | { kind: 'household'; household: HouseholdSnapshot; members: MemberSnapshot[] }
  | { kind: 'end'; count: number; next: string | null };

export const SNAPSHOT_MAX_LIMIT = 5000;

const CURSOR_PREFIX = 'h1:';

export function encodeCursor(lastId: string): string {
  return Buffer.from(CURSOR_PREFIX + lastId, 'utf8').toString('base64url');
}

/** The last household id of the previous page, from an opaque cursor; refuses anything else. */
export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!text.startsWith(CURSOR_PREFIX) || text.length === CURSOR_PREFIX.length) {
    throw badRequest(
      'REGISTRY_SNAPSHOT_CURSOR_INVALID',
      bi(
        '游标无效，请使用上一页返回的 next',
        "The cursor is invalid; use the previous page's next",
      ),
      [{ field: 'after', code: 'invalid', message: bi('游标无效', 'invalid cursor') }],
    );
  }
  return text.slice(CURSOR_PREFIX.length);
}

/**
 * 快照 — the households of the caller's area with their members, in _id order, for services
 * rebuilding their projections. The shapes are the events' own (keyed hashes, never clear ID
 * numbers), validated against the contracts line by line.
 */
export class SnapshotService {
  constructor(
    private readonly households: ScopedRepository<Household>,
    /** The cipher, for the key id of each member's hashes (as the events carry them). */
    private readonly keys: HashKeys,
  ) {}

  async *households$(
    p: Principal,
    opts: { after: string | null; limit: number; area?: string },
  ): AsyncGenerator<SnapshotLine> {
    const and: Filter[] = [];
    if (opts.area) {
      this.households.assertWritable(p, opts.area);
      and.push(areaWithin(opts.area, 'areaCode'));
    }
    if (opts.after !== null) and.push({ _id: { $gt: opts.after } });
    // One more than the page tells whether another page follows.
    const cursor = this.households.cursor(
      p,
      { $and: and },
      {
        projection: { history: 0, workflow: 0 },
        sort: { _id: 1 },
        limit: opts.limit + 1,
        batchSize: Math.min(opts.limit + 1, 500),
      },
    ) as AsyncIterable<Household> & { close(): Promise<void> };
    let count = 0;
    let last: string | null = null;
    let more = false;
    try {
      for await (const h of cursor) {
        if (count === opts.limit) {
          more = true;
          break;
        }
        count++;
        last = h._id;
        yield {
          kind: 'household',
          household: householdSnapshotSchema.parse(householdSnapshot(h)),
          members: h.members.map((m) =>
            memberSnapshotSchema.parse(memberSnapshot(h._id, m, this.keys)),
          ),
        };
      }
    } finally {
      await cursor.close();
    }
    yield { kind: 'end', count, next: more && last !== null ? encodeCursor(last) : null };
  }
}
