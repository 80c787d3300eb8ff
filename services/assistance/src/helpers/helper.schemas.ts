import { codesOf, Department } from '@fupin/reference';
import { z } from 'zod';
import { id, oneOrMany, phone, requiredText, revision, text } from '../common/schemas';
import { HELPER_RANKS } from './helper.model';
import { areaCode12 } from '@fupin/kit';

export const helperCreateSchema = z.strictObject({
  name: requiredText(50),
  unit: requiredText(100),
  department: z.enum(codesOf(Department)).nullish(),
  rank: z.enum(HELPER_RANKS),
  position: text(50).nullish(),
  phone: phone.nullish(),
  areaCode: areaCode12.optional(),
});

export const helperUpdateSchema = helperCreateSchema
  .omit({ areaCode: true })
  .partial()
  .extend({ status: z.enum(['active', 'inactive']).optional(), revision });

export const helperFilterSchema = z.strictObject({
  q: text(50).optional(),
  unit: text(100).optional(),
  rank: oneOrMany(z.enum(HELPER_RANKS)).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  area: areaCode12.optional(),
  id: oneOrMany(id).optional(),
});

export const HELPER_SORTABLE = ['name', 'unit', 'rank', 'areaCode', 'createdAt', 'updatedAt'];
