import { bi, type Bilingual, unprocessable } from './errors';
import type { ListQuery } from './http/list';

/**
 * Lists whose filter is decided on the day (overdue, at risk …) read their candidates through
 * an index with one range (an equality and the scope's area range: SecantusDB bounds one range
 * per compound index and scans on two; MongoDB 7 bounds both) and decide the rest in memory.
 * A filter wider than this is refused rather than cut short.
 */
export const MAX_DECIDED_CANDIDATES = 5000;

/** A list's order (`{ dueOn: 1, code: -1 }`) as a comparator over documents, dotted paths too. */
export function byListOrder<T>(sort: Record<string, 1 | -1>): (a: T, b: T) => number {
  const keys = Object.entries(sort);
  const at = (doc: T, path: string): unknown =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], doc);
  return (a, b) => {
    for (const [k, dir] of keys) {
      const x = at(a, k) as string | number | null | undefined;
      const y = at(b, k) as string | number | null | undefined;
      if (x === y) continue;
      // Nothing sorts first, as MongoDB sorts a missing field.
      if (x === null || x === undefined) return -dir;
      if (y === null || y === undefined) return dir;
      return (x < y ? -1 : 1) * dir;
    }
    return 0;
  };
}

/**
 * One page of the candidates `keep` picks, in the list's order, and their total (pure). Refuses
 * with 422 `LIST_FILTER_TOO_WIDE` (what to narrow by named) when the read hit `max`.
 */
export function decidedPage<T>(
  candidates: T[],
  q: ListQuery<unknown>,
  keep: (doc: T) => boolean,
  opts: { max?: number; narrowBy: Bilingual },
): { items: T[]; total: number } {
  const max = opts.max ?? MAX_DECIDED_CANDIDATES;
  if (candidates.length >= max)
    throw unprocessable(
      'LIST_FILTER_TOO_WIDE',
      bi(
        `符合条件的记录超过 ${max} 条，请${opts.narrowBy['zh-CN']}缩小范围`,
        `More than ${max} records match; narrow ${opts.narrowBy.en}`,
      ),
    );
  const picked = candidates.filter(keep).sort(byListOrder<T>(q.sort));
  return { items: picked.slice(q.skip, q.skip + q.limit), total: picked.length };
}
