import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

const percent = (fallback: number) => z.coerce.number().min(0).max(100).default(fallback);

export const supportConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('support'),
  PORT: baseConfigSchema.shape.PORT.default(4104),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** Where the registry's snapshot stream is read from when the projection is rebuilt. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /**
   * 报付比例 — the share of an in-patient episode's cost that basic insurance, serious-illness
   * insurance and medical assistance must reach together; any shortfall is topped up (追补).
   * Percent with at most two decimals (90 = 90%).
   */
  TOP_UP_TARGET_PERCENT: percent(90),
  /** Coverage targets the coverage report compares against (基本医保 100%, 养老保险 ≥ 98%). */
  COVERAGE_TARGET_BASIC_MEDICAL_PERCENT: percent(100),
  COVERAGE_TARGET_SERIOUS_ILLNESS_PERCENT: percent(100),
  COVERAGE_TARGET_PENSION_PERCENT: percent(98),
  /** Largest department list accepted for an import (held in memory while its ID numbers are hashed). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
});
export type SupportConfig = z.infer<typeof supportConfigSchema>;

/** A percent as integer basis points (90 → 9000), so every later computation stays in integers. */
export function basisPoints(percentValue: number): number {
  return Math.round(percentValue * 100);
}
