import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The county works on China's calendar: a visit "in March" is one whose day in Asia/Shanghai
 * is in March, whatever zone the server or the phone that recorded it runs in.
 */
export const ZONE = 'Asia/Shanghai';

/** `YYYY-MM` in Asia/Shanghai of an instant. */
export function shanghaiMonth(instant: Date): string {
  return dayjs(instant).tz(ZONE).format('YYYY-MM');
}

/** First and last calendar day of a `YYYY-MM` month. */
export function monthDays(month: string): { first: string; last: string } {
  const start = dayjs.tz(`${month}-01`, ZONE);
  return { first: start.format('YYYY-MM-DD'), last: start.endOf('month').format('YYYY-MM-DD') };
}

/** The instants a Shanghai month covers: [start, end). */
export function monthInstants(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01`, ZONE);
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

/** A `YYYY-MM-DD` that is a real date (2 月 30 日 is not). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dayjs.utc(day).format('YYYY-MM-DD') === day;
}
