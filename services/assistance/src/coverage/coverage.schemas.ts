import { z } from 'zod';
import { oneOrMany, text } from '../common/schemas';
import { NEEDY_STATUSES } from '../households/household.directory';
import { areaCode12 } from '@fupin/kit';

export const uncoveredFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  status: oneOrMany(z.enum(NEEDY_STATUSES)).optional(),
  q: text(50).optional(),
});

export const coverageQuerySchema = z.object({ area: areaCode12.optional() });
