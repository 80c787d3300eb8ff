import { z } from 'zod';
import { calendarDay, id, oneOrMany, reasonSchema, revision, text } from '../common/schemas';
import { HELPER_RANKS, PAIRING_ROLES } from '../helpers/helper.model';
import { areaCode12 } from '@fupin/kit';

export const pairingCreateSchema = z.strictObject({
  helperId: id,
  householdId: id,
  role: z.enum(PAIRING_ROLES),
  startDate: calendarDay.optional(),
});

export const pairingEndSchema = z.strictObject({
  reason: reasonSchema,
  endDate: calendarDay.optional(),
  revision,
});

export const pairingFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  householdId: id.optional(),
  helperId: id.optional(),
  role: z.enum(PAIRING_ROLES).optional(),
  status: z.enum(['active', 'ended']).optional(),
  q: text(50).optional(),
  id: oneOrMany(id).optional(),
});

export const PAIRING_SORTABLE = [
  'startDate',
  'endDate',
  'householdNo',
  'helperName',
  'areaCode',
  'role',
  'status',
  'createdAt',
];

const limit = z.number().int().min(0).max(100).nullable();
export const pairingLimitSchema = z.strictObject({
  key: limit,
  contact: limit,
  revision: z.number().int().min(0).optional(),
});
export const rankParam = z.object({ rank: z.enum(HELPER_RANKS) });
