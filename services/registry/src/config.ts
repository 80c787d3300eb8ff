import { baseConfigSchema, personalDataConfigSchema } from '@fupin/kit';
import { z } from 'zod';

export const registryConfigSchema = baseConfigSchema.extend({
  ...personalDataConfigSchema.shape,
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('registry'),
  PORT: baseConfigSchema.shape.PORT.default(4101),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
});
export type RegistryConfig = z.infer<typeof registryConfigSchema>;
