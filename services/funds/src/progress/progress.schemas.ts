import { areaCode12, calendarDay } from '@fupin/kit';
import { z } from 'zod';
import { idSchema, optionalText, revisionSchema } from '../shared/schemas';

/** 进度填报 — a progress report with the files (already uploaded) that show it. */
export const progressReportSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  reportedOn: calendarDay,
  note: optionalText(500),
  /** Needed when the progress is below the last report's. */
  reason: optionalText(500),
  evidenceFileIds: z.array(idSchema).min(1).max(20),
  revision: revisionSchema.optional(),
});
export type ProgressReportInput = z.infer<typeof progressReportSchema>;

export const slowFilterSchema = z.strictObject({
  areaCode: areaCode12.optional(),
  townshipCode: areaCode12.optional(),
});
export type SlowFilter = z.infer<typeof slowFilterSchema>;

export const SLOW_SORTABLE = ['behindPoints', 'code', 'plannedFinishOn'] as const;
