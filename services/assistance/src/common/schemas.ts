import { zmsg } from '@fupin/kit';
import { z } from 'zod';

/** Request-schema pieces every assistance module uses. */

export { calendarDay } from '@fupin/kit';

export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, zmsg('月份格式应为 YYYY-MM', 'months are YYYY-MM'));

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, zmsg(`不能超过${max}个字符`, `at most ${max} characters`));

export const requiredText = (max: number) => text(max).min(1, zmsg('不能为空', 'is required'));

/** Money in integer fen (never floats). */
export const fen = z.number().int(zmsg('金额须为整数分', 'amounts are whole fen')).min(0).max(1e12);

export const year = z.number().int().min(2000).max(2100);

export const id = z.string().trim().min(1).max(64);

export const revision = z.number().int().positive().optional();

export const phone = z
  .string()
  .trim()
  .regex(
    /^(\+?86[- ]?)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/,
    zmsg('电话号码格式不正确', 'not a valid phone number'),
  );

/** A list filter value that may be one value or several. */
export const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const reasonSchema = requiredText(200);
