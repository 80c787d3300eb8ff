import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const matchingConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('matching'),
  PORT: baseConfigSchema.shape.PORT.default(4105),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The registry, for rebuilding the household projection from its snapshot. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /** A finding still open this many days after it was created is overdue (逾期). */
  MATCHING_OVERDUE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Largest department list accepted in one upload. */
  MATCHING_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
});
export type MatchingConfig = z.infer<typeof matchingConfigSchema>;
