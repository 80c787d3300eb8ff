import type { Response } from 'express';
import { z } from 'zod';
import { badRequest, bi, fieldErrorsOf, safeParseBilingual } from '../errors';

/**
 * react-admin's ra-data-simple-rest list conventions:
 * `?range=[0,24]&sort=["name","ASC"]&filter={"status":"active"}`; the answer is a JSON array
 * with `Content-Range: <resource> 0-24/319`.
 */
export interface ListQuery<F> {
  skip: number;
  limit: number;
  sort: Record<string, 1 | -1>;
  filter: F;
}

export const MAX_PAGE = 500;

// Built once: zod compiles a schema on its first parse, so a schema made per request would be
// compiled again for every list request.
const RANGE = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const SORT = z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const strictFilters = new WeakMap<z.ZodType, z.ZodType>();

/** The filter schema refusing unknown keys (a dropped `$where` would widen the list), made once. */
function strictFilterOf(filter: z.ZodType): z.ZodType {
  if (!(filter instanceof z.ZodObject)) return filter;
  let strict = strictFilters.get(filter);
  if (!strict) {
    strict = filter.strict();
    strictFilters.set(filter, strict);
  }
  return strict;
}

function parseJsonParam(name: string, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    throw badRequest(
      'LIST_QUERY_INVALID',
      bi(`参数 ${name} 格式错误`, `Parameter ${name} is malformed`),
    );
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(
      'LIST_QUERY_INVALID',
      bi(`参数 ${name} 不是有效的 JSON`, `Parameter ${name} is not valid JSON`),
      [{ field: name, code: 'invalid_json', message: bi('不是有效的 JSON', 'not valid JSON') }],
    );
  }
}

export function parseListQuery<FS extends z.ZodType>(
  query: Record<string, unknown>,
  opts: {
    sortable: readonly string[];
    defaultSort: [string, 'ASC' | 'DESC'];
    filter: FS;
    tieBreaker?: string;
  },
): ListQuery<z.output<FS>> {
  const range = parseJsonParam('range', query.range) ?? [0, 24];
  const rangeOk = RANGE.safeParse(range);
  if (!rangeOk.success || rangeOk.data[1] < rangeOk.data[0]) {
    throw badRequest(
      'LIST_RANGE_INVALID',
      bi(
        'range 必须是 [起, 止] 两个非负整数',
        'range must be [start, end], two non-negative integers',
      ),
      [{ field: 'range', code: 'invalid', message: bi('格式应为 [0,24]', 'expected [0,24]') }],
    );
  }
  const [start, end] = rangeOk.data;
  // A page larger than the limit is refused rather than cut short silently, so a client never
  // mistakes a partial page for the whole list.
  if (end - start + 1 > MAX_PAGE) {
    throw badRequest(
      'LIST_RANGE_TOO_LARGE',
      bi(`每页最多 ${MAX_PAGE} 条`, `At most ${MAX_PAGE} records per page`),
      [
        {
          field: 'range',
          code: 'too_big',
          message: bi(`每页最多 ${MAX_PAGE} 条`, `at most ${MAX_PAGE} per page`),
        },
      ],
    );
  }
  const limit = end - start + 1;

  const sortRaw = parseJsonParam('sort', query.sort) ?? opts.defaultSort;
  const sortOk = SORT.safeParse(sortRaw);
  if (!sortOk.success || !opts.sortable.includes(sortOk.data[0])) {
    throw badRequest(
      'LIST_SORT_INVALID',
      bi(
        `只能按以下字段排序：${opts.sortable.join('、')}`,
        `Sort by one of: ${opts.sortable.join(', ')}`,
      ),
      [{ field: 'sort', code: 'invalid', message: bi('不支持的排序', 'unsupported sort') }],
    );
  }
  const dir = sortOk.data[1].toUpperCase() === 'ASC' ? 1 : -1;
  const sort: Record<string, 1 | -1> = { [sortOk.data[0]]: dir };
  // A unique tie-breaker keeps pages stable when many rows share the sort value.
  const tie = opts.tieBreaker ?? '_id';
  if (!(tie in sort)) sort[tie] = dir;

  const filterRaw = parseJsonParam('filter', query.filter) ?? {};
  // Unknown filter keys are refused, never dropped.
  const filterOk = safeParseBilingual(strictFilterOf(opts.filter), filterRaw);
  if (!filterOk.success) {
    throw badRequest(
      'LIST_FILTER_INVALID',
      bi('筛选条件有误', 'The filter is invalid'),
      fieldErrorsOf(filterOk.error, ['filter']),
    );
  }
  // The strict variant parses to the same output as the schema given.
  return { skip: start, limit, sort, filter: filterOk.data as z.output<FS> };
}

export function sendList<T>(
  res: Response,
  resource: string,
  q: ListQuery<unknown>,
  items: T[],
  total: number,
): void {
  const end = items.length ? q.skip + items.length - 1 : q.skip;
  res.setHeader('Content-Range', `${resource} ${q.skip}-${end}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
  res.json(items);
}

/** Escapes user text for a MongoDB $regex, so a search can never become a pattern. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
