import { z } from 'zod';
import { calendarDay, fen, id, oneOrMany, requiredText, revision, text } from '../common/schemas';
import { MEASURE_CATEGORIES, MEASURE_STATUSES } from './measure.model';
import { areaCode12 } from '@fupin/kit';

const details = {
  category: z.enum(MEASURE_CATEGORIES),
  type: requiredText(100),
  description: text(2000).optional(),
  amountFen: fen.nullish(),
  quantity: z.number().min(0).max(1e9).nullish(),
  unit: text(20).nullish(),
  startDate: calendarDay.nullish(),
  endDate: calendarDay.nullish(),
  helperId: id.nullish(),
  projectId: text(64).min(1).nullish(),
};

export const measureCreateSchema = z.strictObject({ householdId: id, ...details });

export const measureUpdateSchema = z.strictObject(details).partial().extend({ revision });

export const measureStatusSchema = z.strictObject({
  to: z.enum(MEASURE_STATUSES),
  reason: text(200).nullish(),
  date: calendarDay.optional(),
  revision,
});

export const measureFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  householdId: id.optional(),
  helperId: id.optional(),
  category: oneOrMany(z.enum(MEASURE_CATEGORIES)).optional(),
  status: oneOrMany(z.enum(MEASURE_STATUSES)).optional(),
  projectId: text(64).optional(),
  id: oneOrMany(id).optional(),
});

export const MEASURE_SORTABLE = [
  'createdAt',
  'updatedAt',
  'startDate',
  'endDate',
  'category',
  'status',
  'amountFen',
  'householdNo',
];
