import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const matchingConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('matching'),
  PORT: baseConfigSchema.shape.PORT.default(4105),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The registry, for rebuilding the household projection from its snapshot. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /**
   * How long starting a run waits for the person index to catch up with the registry before
   * refusing (409 MATCHING_VIEW_BEHIND); a run never reads an index that lacks registry events.
   */
  VIEW_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** A finding still open this many days after it was created is overdue (逾期). */
  MATCHING_OVERDUE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * 保留期限: days after its upload that a department list's rows are deleted, except the rows
   * an open finding rests on.
   */
  LIST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** When the daily retention job runs (cron, Asia/Shanghai). */
  LIST_RETENTION_CRON: z.string().min(9).default('30 2 * * *'),
  /** Largest department list accepted in one upload. */
  MATCHING_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
});
export type MatchingConfig = z.infer<typeof matchingConfigSchema>;
