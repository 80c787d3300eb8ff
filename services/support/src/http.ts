import { type AppError, bi, conflict, parseListQuery, zmsg } from '@fupin/kit';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';
import { parseTerm } from './education/school-calendar';

dayjs.extend(utc);
dayjs.extend(timezone);

// Input pieces every support route shares.

/** `{"id": "…"}` or `{"id": ["…", "…"]}` (react-admin's getMany). */
export const idsFilter = z
  .union([z.string().min(1).max(64), z.array(z.string().min(1).max(64)).max(500)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const calendarDay = z
  .string()
  .refine(isCalendarDay, zmsg('日期格式应为 YYYY-MM-DD', 'a date is YYYY-MM-DD'));

/** A real `YYYY-MM-DD` day (no 2 月 30 日). */
export function isCalendarDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs.utc(v).format('YYYY-MM-DD') === v;
}

export const term = z
  .string()
  .refine(
    (v) => parseTerm(v) !== undefined,
    zmsg(
      '学期格式应为「2018-spring」或「2018-autumn」',
      'a term is like 2018-spring or 2018-autumn',
    ),
  );

export const year = z.coerce.number().int().min(2000).max(2100);

export const fen = z.number().int().min(0).max(1e12);

/** An update based on a revision someone else has already changed. */
export function staleRevision(): AppError {
  return conflict(
    'SUPPORT_STALE_REVISION',
    bi(
      '记录已被他人修改，请刷新后重试',
      'The record was changed by someone else; reload and retry',
    ),
  );
}

/** The `filter` query parameter alone (an export takes the list's filter, not its page). */
export function parseFilter<F extends z.ZodType>(
  query: Record<string, unknown>,
  schema: F,
): z.output<F> {
  return parseListQuery(
    { filter: query.filter },
    { sortable: ['_id'], defaultSort: ['_id', 'ASC'], filter: schema },
  ).filter;
}
