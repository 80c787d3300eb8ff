import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar day moved by whole days (negative goes back). */
export function shiftDay(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** `YYYY-MM-DD` written as 2018年2月7日 for printed notices. */
export function chineseDate(day: string): string {
  const d = dayjs.utc(day);
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}

/**
 * A day as spreadsheets hold it: `2017-11-01`, `2017/11/1`, `2017.11.1`, `2017年11月1日`,
 * `20171101`, or an Excel date cell read as an ISO timestamp. Undefined when not a real day.
 */
export function dayFromText(text: string): string | undefined {
  const t = text.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dayjs.utc(day).format('YYYY-MM-DD') === day ? day : undefined;
}
