import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { shanghaiDateOf } from '@fupin/reference';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Assessment periods (考核周期) on China's calendar: a quarter or a month is the set of calendar
 * days it holds in Asia/Shanghai, whatever zone the server runs in. Days are `YYYY-MM-DD`
 * strings, so comparing them as strings compares them as dates.
 */
export const ZONE = 'Asia/Shanghai';

export type QuarterNo = 1 | 2 | 3 | 4;

/** 季度 — one quarter of a year. */
export interface Quarter {
  year: number;
  quarter: QuarterNo;
}

/** A span of calendar days, both ends included. */
export interface DaySpan {
  first: string;
  last: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarterKey(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as QuarterNo } : null;
}

/** The months of a quarter, `YYYY-MM`. */
export function quarterMonths(q: Quarter): string[] {
  const first = (q.quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${q.year}-${pad2(m)}`);
}

export function monthSpan(month: string): DaySpan {
  const start = dayjs.utc(`${month}-01`);
  return { first: start.format('YYYY-MM-DD'), last: start.endOf('month').format('YYYY-MM-DD') };
}

export function quarterSpan(q: Quarter): DaySpan {
  const months = quarterMonths(q);
  return { first: monthSpan(months[0]!).first, last: monthSpan(months[2]!).last };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as QuarterNo };
}

export function quarterOfDay(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNo };
}

/** The last quarter that has closed at an instant (on 1 April in Shanghai: Q1). */
export function lastClosedQuarter(instant: Date): Quarter {
  return previousQuarter(quarterOfDay(shanghaiDateOf(instant)));
}

/** Whether a quarter has closed at an instant (its last day is over in Shanghai). */
export function quarterClosed(q: Quarter, instant: Date): boolean {
  return quarterSpan(q).last < shanghaiDateOf(instant);
}

/** The months of a span up to and including the month of `asOfDay` (a period still running). */
export function monthsUpTo(months: string[], asOfDay: string): string[] {
  const current = asOfDay.slice(0, 7);
  return months.filter((m) => m <= current);
}

/** Whether two spans share a day; an open end (`null`) runs forever. */
export function overlaps(a: DaySpan, b: { first: string; last: string | null }): boolean {
  return b.first <= a.last && (b.last === null || b.last >= a.first);
}
