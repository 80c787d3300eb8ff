import { isAreaCode } from '@fupin/reference';
import { z } from 'zod';
import { zmsg } from '../errors';

/** `/:id` of a route: a stored record's id. */
export const idParam = z.object({ id: z.string().min(1).max(64) });

/**
 * Twelve digits, no more: for the input whose service refuses a malformed code with its own
 * problem and reason (the registry's areas and households, the gateway's user scopes).
 */
export const areaCodeDigits = z
  .string()
  .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code'));

/**
 * A 12-digit area code (统计用区划代码) as a request gives it: twelve digits and a real code
 * (a known province, no village without its township). Whether the area is in the registry
 * is the service's to check where it matters.
 */
export const areaCode12 = areaCodeDigits.refine(
  isAreaCode,
  zmsg('不是有效的区划代码', 'not a valid area code'),
);

/** Whether `YYYY-MM-DD` names a day of the calendar (no 2 月 30 日). */
function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** A calendar day as a request gives it: `YYYY-MM-DD`, and a real one. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, zmsg('日期格式应为 YYYY-MM-DD', 'dates are YYYY-MM-DD'))
  .refine(isRealDay, zmsg('不是有效的日期', 'not a real date'));
