import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { isAreaCode } from '@fupin/reference';
import { z } from 'zod';

export const assessmentConfigSchema = baseConfigSchema.extend({
  // 信访: the complainant's name and phone are sealed at rest.
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('assessment'),
  PORT: baseConfigSchema.shape.PORT.default(4106),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The county assessed: departments are filed under it, and only its users define schemes. */
  COUNTY_AREA_CODE: z
    .string()
    .refine(isAreaCode, 'must be a 12-digit area code')
    .default('431121000000'),
  /** Where the registry answers, for rebuilding the household projection from its snapshot. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /** How long a ranking waits for the household projection to catch up before refusing. */
  VIEW_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** When the quarterly ranking runs (cron with seconds, Asia/Shanghai): 02:00 on each quarter's first day. */
  RANKING_SCHEDULE: z.string().min(9).default('0 0 2 1 1,4,7,10 *'),
});
export type AssessmentConfig = z.infer<typeof assessmentConfigSchema>;
