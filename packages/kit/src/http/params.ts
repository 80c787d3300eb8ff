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
