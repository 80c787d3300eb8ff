import { areaCode12, calendarDay } from '@fupin/kit';
import { z } from 'zod';
import { TASK_STATES } from './task.rules';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const milestoneInputSchema = z.strictObject({
  title: text(100),
  dueOn: calendarDay,
});

export const taskLinkSchema = z.strictObject({
  kind: z.enum(['indicator', 'project']),
  ref: text(64),
});

/** 倒排工期 — a task as entered (or as one row of the county's sheet). */
export const taskInputSchema = z.strictObject({
  code: text(40),
  title: text(200),
  ownerUnit: text(60),
  leader: optionalText(60),
  areaCode: areaCode12,
  startOn: calendarDay,
  dueOn: calendarDay,
  milestones: z.array(milestoneInputSchema).max(20).default([]),
  link: taskLinkSchema.nullish(),
});
export type TaskInput = z.infer<typeof taskInputSchema>;

/** 进度填报 — a task's progress on a day, with the milestones (by position) done by then. */
export const taskProgressSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  reportedOn: calendarDay,
  note: optionalText(500),
  /** Needed when the progress is below the last report's. */
  reason: optionalText(500),
  milestonesDone: z.array(z.number().int().min(0).max(19)).max(20).default([]),
  revision: z.number().int().min(1).optional(),
});
export type TaskProgressInput = z.infer<typeof taskProgressSchema>;

export const taskFilterSchema = z.strictObject({
  areaCode: areaCode12.optional(),
  ownerUnit: z.string().trim().min(1).max(60).optional(),
  state: z.enum(TASK_STATES).optional(),
  linkKind: z.enum(['indicator', 'project']).optional(),
  linkRef: z.string().trim().min(1).max(64).optional(),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;

export const TASK_SORTABLE = ['dueOn', 'code', 'progressPercent', 'ownerUnit'] as const;

export const taskImportQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional(),
});
