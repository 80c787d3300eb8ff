import { codesOf, Guarantee } from '@fupin/reference';
import { z } from 'zod';
import { calendarDay, fen, revision, text, year } from '../common/schemas';
import { areaCode12 } from '@fupin/kit';

export const planTargetSchema = z.strictObject({
  year,
  perCapitaIncomeFen: fen.nullable().default(null),
  guarantees: z
    .array(z.enum(codesOf(Guarantee)))
    .max(6)
    .default([]),
  exit: z.boolean().default(false),
  note: text(500).nullable().default(null),
});

export const planSaveSchema = z.strictObject({
  summary: text(4000).default(''),
  targets: z.array(planTargetSchema).max(10).default([]),
  /** 0 (or none) creates the plan; otherwise the revision the change was made against. */
  revision: z.number().int().min(0).optional(),
});

export const planProgressSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  note: text(2000).min(1),
  date: calendarDay.optional(),
  revision,
});

export const planFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  year: year.optional(),
  q: text(50).optional(),
});

export const householdIdParam = z.object({ householdId: z.string().trim().min(1).max(64) });
