import { calendarDay } from '@fupin/kit';
import { NOTICE_STEPS } from '@fupin/reference';
import { z } from 'zod';
import { NOTICE_PLACES } from '../projects/project.model';
import { idSchema, optionalText, revisionSchema, text } from '../shared/schemas';

/** 登记公示 — a notice posted on a day, where, its text and the photos or files that show it. */
export const projectNoticeSchema = z.strictObject({
  step: z.enum(NOTICE_STEPS),
  postedOn: calendarDay,
  place: z.enum(NOTICE_PLACES),
  placeNote: optionalText(200),
  text: text(2000),
  evidenceFileIds: z.array(idSchema).max(20).default([]),
  revision: revisionSchema.optional(),
});
export type ProjectNoticeInput = z.infer<typeof projectNoticeSchema>;
