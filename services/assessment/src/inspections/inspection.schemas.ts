import { areaCode12, calendarDay, uploadFileNameSchema, zmsg } from '@fupin/kit';
import {
  codesOf,
  Department,
  InspectionCadence,
  InspectionCheck,
  InspectionSeverity,
} from '@fupin/reference';
import { z } from 'zod';
import { RECTIFICATION_STATUSES } from './inspection.model';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const check = z.enum(codesOf(InspectionCheck));

/** 督查计划 as a request gives it; `revision` is the one read (required to change a plan). */
export const planInputSchema = z.strictObject({
  name: text(100),
  cadence: z.enum(codesOf(InspectionCadence)),
  areas: z.array(areaCode12).min(1).max(60),
  checks: z.array(check).min(1).max(20),
  inspectorUnit: text(100),
  startsOn: calendarDay,
  endsOn: calendarDay.nullable().optional(),
  note: optionalText(500),
  revision: z.number().int().min(1).optional(),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const findingInputSchema = z.strictObject({
  check,
  text: text(1000),
  severity: z.enum(codesOf(InspectionSeverity)),
  householdId: id.nullable().optional(),
});

/** 督查记录 with its findings and the photos already uploaded (`/inspection-files`). */
export const inspectionInputSchema = z.strictObject({
  planId: id.nullable().optional(),
  areaCode: areaCode12,
  inspectedOn: calendarDay,
  inspectors: z.array(text(50)).min(1).max(20),
  inspectorUnit: text(100),
  summary: optionalText(2000),
  findings: z.array(findingInputSchema).max(50).default([]),
  photoFileIds: z.array(id).max(20).default([]),
});
export type InspectionInput = z.infer<typeof inspectionInputSchema>;

const unitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('township'), code: areaCode12 }),
  z.strictObject({ kind: z.literal('department'), code: z.enum(codesOf(Department)) }),
]);

/** 整改通知 opened from one finding of an inspection. */
export const rectificationInputSchema = z.strictObject({
  inspectionId: id,
  findingId: id,
  unit: unitSchema,
  requirement: text(1000),
  /** The day the order was issued (today by default; a paper order may be entered later). */
  issuedOn: calendarDay.optional(),
  deadline: calendarDay,
});
export type RectificationInput = z.infer<typeof rectificationInputSchema>;

/** 整改材料 — the unit's account of what it did, with the files that show it. */
export const evidenceInputSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(2, zmsg('请说明整改情况（至少2个字）', 'say what was done (2 characters at least)'))
    .max(2000),
  fileIds: z.array(id).max(20).default([]),
  revision: z.number().int().min(1).optional(),
});
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

/** 复核 — close (销号) or send back (退回, with the reason). */
export const reviewInputSchema = z.strictObject({
  decision: z.enum(['close', 'return']),
  note: optionalText(1000),
  revision: z.number().int().min(1).optional(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const planFilterSchema = z.strictObject({
  cadence: z.enum(codesOf(InspectionCadence)).optional(),
  areaCode: areaCode12.optional(),
});
export type PlanFilter = z.infer<typeof planFilterSchema>;
export const PLAN_SORTABLE = ['createdAt', 'name', 'startsOn'] as const;

export const inspectionFilterSchema = z.strictObject({
  planId: id.optional(),
  areaCode: areaCode12.optional(),
});
export type InspectionFilter = z.infer<typeof inspectionFilterSchema>;
export const INSPECTION_SORTABLE = ['inspectedOn', 'createdAt'] as const;

export const rectificationFilterSchema = z.strictObject({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  unitId: z.string().max(80).optional(),
  areaCode: areaCode12.optional(),
  inspectionId: id.optional(),
  /** Past the deadline and not closed, today. */
  overdue: bool.optional(),
});
export type RectificationFilter = z.infer<typeof rectificationFilterSchema>;
export const RECTIFICATION_SORTABLE = ['deadline', 'issuedOn', 'createdAt'] as const;

export const unitCountsQuerySchema = z.strictObject({
  /** `2026`, `2026-Q2` or `2026-05`; the current quarter by default. */
  period: z
    .string()
    .regex(
      /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/,
      zmsg('期间格式应为 2026、2026-Q2 或 2026-05', 'a period is 2026, 2026-Q2 or 2026-05'),
    )
    .optional(),
});

export const fileUploadQuerySchema = z.object({
  fileName: uploadFileNameSchema.optional(),
  areaCode: areaCode12.optional(),
});
