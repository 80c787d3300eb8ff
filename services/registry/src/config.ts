import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const registryConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('registry'),
  PORT: baseConfigSchema.shape.PORT.default(4101),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The registry's province (2 digits or an area code in it) for its own poverty lines. */
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}(\d{4}|\d{10})?$/, 'must be 2, 6 or 12 digits')
    .optional(),
  /** The province's own poverty lines, `year:fen` pairs comma separated (`2021:420000`). */
  POVERTY_LINE_OVERRIDES: z.string().optional(),
  /**
   * Support's events (enrollment, dropout, coverage) an exit or identification step accepts its
   * derived guarantees being behind by, and how long it waits for them before refusing (409).
   */
  SUPPORT_FACTS_MAX_BEHIND: z.coerce.number().int().min(0).default(500),
  SUPPORT_FACTS_MAX_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
  /** 告知与答复: days a household told of a finding has to answer before 清退 can be approved. */
  HOUSEHOLD_RESPONSE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  /** 防返贫监测 screening (cron with seconds, Asia/Shanghai): 03:00 on each month's first day. */
  MONITORING_SCREEN_CRON: z.string().min(9).default('0 0 3 1 * *'),
  /** Days a township has to verify a warning. */
  MONITORING_VERIFY_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  /** How long a screening waits for support's facts to catch up before it refuses. */
  MONITORING_MAX_WAIT_MS: z.coerce.number().int().min(0).default(60_000),
  /** Months in a row of stable income above the monitoring line before 风险消除. */
  MONITORING_STABLE_MONTHS: z.coerce.number().int().min(1).max(24).default(6),
});
export type RegistryConfig = z.infer<typeof registryConfigSchema>;
