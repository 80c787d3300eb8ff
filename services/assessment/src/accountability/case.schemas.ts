import { calendarDay } from '@fupin/kit';
import { AccountabilityDecisionKind, codesOf } from '@fupin/reference';
import { z } from 'zod';
import { CASE_STATUSES } from './case.model';

export const caseIdSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]\.(township|department)\.[0-9a-z_]{1,40}$/);

export const caseFilterSchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  unitId: z
    .string()
    .regex(/^(township|department):[0-9a-z_]{1,40}$/)
    .optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

const text = (max: number) => z.string().trim().min(2).max(max);

export const decisionSchema = z.object({
  kind: z.enum(codesOf(AccountabilityDecisionKind)),
  decidedOn: calendarDay,
  decidedBy: text(100),
  text: text(2000),
  documentNo: z.string().trim().min(1).max(100).optional(),
});

export const followUpSchema = z.object({ on: calendarDay, text: text(2000) });

export const closeSchema = z.object({ on: calendarDay, note: text(1000) });
