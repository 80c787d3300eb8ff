import { z } from 'zod';
import { INDICATOR_CODES } from '../indicators/catalogue';
import type { Quarter } from '../scoring/period';

export const quarterParamsSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    quarter: z.coerce.number().int().min(1).max(4),
  })
  .transform((q) => q as Quarter);

export const rankQuarterSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  })
  .transform((q) => q as Quarter);

export const recomputeSchema = z.object({
  reason: z.string().trim().min(2).max(500),
});

export const rankingIdSchema = z.string().regex(/^\d{4}-Q[1-4]-v\d{1,4}$/);
export const unitIdSchema = z.string().regex(/^(township|department):[0-9a-z_]{1,40}$/);
export const indicatorParamSchema = z.enum(INDICATOR_CODES);

const bool = z.boolean();

export const rankingFilterSchema = z.object({
  year: z.number().int().optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  current: bool.optional(),
});

export const resultFilterSchema = z.object({
  kind: z.enum(['township', 'department']).optional(),
  yellowCard: bool.optional(),
  accountability: bool.optional(),
});

export const historyFilterSchema = z.object({
  year: z.number().int().optional(),
  allVersions: bool.optional(),
});

export const emptyFilterSchema = z.object({});
