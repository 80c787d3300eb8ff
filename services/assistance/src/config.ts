import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const assistanceConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('assistance'),
  PORT: baseConfigSchema.shape.PORT.default(4102),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The registry's base URL, for rebuilding the household projection from its snapshot. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /** Largest visit photo accepted (bytes); photos are kept in MongoDB, one document each. */
  PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(8 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** When the daily coverage check runs (cron, Asia/Shanghai). */
  COVERAGE_CRON: z.string().default('0 30 1 * * *'),
});
export type AssistanceConfig = z.infer<typeof assistanceConfigSchema>;
