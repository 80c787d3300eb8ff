// Calendar dates as the registry writes them: `YYYY-MM-DD` strings in China's own calendar
// day, so a date never shifts by one when a server runs in UTC.

/** China has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The calendar day in Asia/Shanghai of an instant. A date stored as UTC midnight and one
 * stored as Shanghai midnight both land on the day that was meant.
 */
export function shanghaiDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * Reads `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` or `YYYYMMDD` as a real calendar
 * date; anything else (or 2 月 30 日) gives undefined.
 */
export function parseCalendarDate(text: string): string | undefined {
  const trimmed = text.trim();
  const match =
    /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? isoDate(year, month, day) : undefined;
}

/** A `Date` or a date string as a `YYYY-MM-DD` calendar day; throws on anything else. */
export function calendarDayOf(value: Date | string, what: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${what} is an invalid Date`);
    return shanghaiDateOf(value);
  }
  const day = parseCalendarDate(value);
  if (day === undefined) throw new RangeError(`${what} is not a calendar date: ${value}`);
  return day;
}

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `days` after a `YYYY-MM-DD` day (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Where a plan says work should be on a day, as a fraction `elapsed / span` (kept exact for a
 * threshold's comparison): linear from 0 on the planned start to 1 on the planned finish, 0
 * before it and 1 after it. Used by projects' progress and by the county's task schedule.
 */
export function plannedShare(
  start: string,
  finish: string,
  on: string,
): { elapsed: number; span: number } {
  const span = Math.max(1, daysBetween(start, finish));
  const elapsed = Math.min(span, Math.max(0, daysBetween(start, on)));
  return { elapsed, span };
}
