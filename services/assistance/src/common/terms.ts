import { bi, unprocessable } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';

/** Refuses a day after today in Beijing (a visit, a pairing or a step cannot be in the future). */
export function notInFuture(day: string, now: Date, field: string): void {
  if (day > shanghaiDateOf(now))
    throw unprocessable(
      'ASSISTANCE_DATE_IN_FUTURE',
      bi('日期不能晚于今天', 'The date cannot be after today'),
      [{ field, code: 'future', message: bi('日期在将来', 'in the future') }],
    );
}

/** The last day of a term (today unless given), never before its first day. */
export function endDateFor(startDate: string, requested: string | undefined, now: Date): string {
  const endDate = requested ?? shanghaiDateOf(now);
  if (endDate < startDate)
    throw unprocessable(
      'ASSISTANCE_END_BEFORE_START',
      bi('结束日期不能早于开始日期', 'The end date cannot be before the start date'),
      [{ field: 'endDate', code: 'before_start', message: bi('早于开始日期', 'before start') }],
    );
  return endDate;
}
