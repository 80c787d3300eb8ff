import { baseConfigSchema, CJK_FONT_PATH, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const fundsConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('funds'),
  PORT: baseConfigSchema.shape.PORT.default(4103),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** The registry, for rebuilding the household projection from its snapshot. */
  REGISTRY_URL: z.url().default('http://127.0.0.1:4101'),
  /** 资金趴账: money allocated and not disbursed after this many days is idle. */
  IDLE_FUNDS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Projects approved (入库) and not started after this many days are listed as not started. */
  IDLE_START_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  /** When the daily idle-funds job runs (cron, Asia/Shanghai). */
  IDLE_FUNDS_CRON: z.string().min(9).default('0 2 * * *'),
  /** A TrueType font (collection) with Chinese glyphs, for printable notices. */
  PDF_FONT_PATH: z.string().min(1).default(CJK_FONT_PATH),
  /** Largest uploaded file (voucher, document), in bytes; one document holds it. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(15 * 1024 * 1024)
    .default(10 * 1024 * 1024),
});
export type FundsConfig = z.infer<typeof fundsConfigSchema>;
