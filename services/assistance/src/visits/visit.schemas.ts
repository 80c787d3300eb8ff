import { zmsg, areaCode12 } from '@fupin/kit';
import { z } from 'zod';
import { calendarDay, id, month, text } from '../common/schemas';

export const visitCreateSchema = z
  .strictObject({
    householdId: id,
    helperId: id,
    date: calendarDay.optional(),
    visitedAt: z.iso
      .datetime({ offset: true, error: zmsg('须为带时区的时间', 'a time with its offset') })
      .optional(),
    findings: text(4000).default(''),
    actions: text(4000).default(''),
    nextSteps: text(4000).default(''),
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        address: text(200)
          .nullish()
          .transform((v) => v ?? null),
      })
      .nullish(),
  })
  .refine((v) => v.date !== undefined || v.visitedAt !== undefined, {
    path: ['date'],
    message: zmsg('请填写走访日期（date 或 visitedAt）', 'give date or visitedAt'),
  });

export const visitFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  householdId: id.optional(),
  helperId: id.optional(),
  month: month.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  lateEntry: z.boolean().optional(),
});

export const VISIT_SORTABLE = ['date', 'recordedAt', 'householdNo', 'helperName', 'areaCode'];

export const unvisitedFilterSchema = z.strictObject({
  month: month.optional(),
  area: areaCode12.optional(),
  helperId: id.optional(),
});

export const UNVISITED_SORTABLE = ['householdNo', 'areaCode', 'lastVisitDate'];

export const photoParams = z.object({ id, photoId: id });
