import { parsePreviousKeys } from './key-ring';
import { z } from 'zod';

/** Thrown at start when the environment does not satisfy a service's config schema. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** What every service reads. Services extend it with `.extend({...})`. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL'),
  /** Each service has its own database; never another service's. */
  MONGO_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only'),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port')).min(1)),
  /** Prepended to every topic name (`<prefix>.registry.area.v1`); empty in production. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]*$/)
    .default(''),
  /** Managed Kafka: TLS to the brokers, and SASL credentials (PLAIN or SCRAM). */
  KAFKA_SSL: boolFromEnv.default(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** Where the gateway publishes its signing keys; or a PEM public key for local runs. */
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_ISSUER: z.string().default('fupin-gateway'),
  AUTH_AUDIENCE: z.string().default('fupin'),
  HTTP_BODY_LIMIT: z.string().default('1mb'),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  METRICS_ENABLED: boolFromEnv.default(true),
});

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, '32 bytes, base64-encoded');

const keyId = z
  .string()
  .regex(/^[a-z0-9]{1,16}$/, 'a key id: a–z, 0–9, up to 16')
  .default('k1');

const previousKeys = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => {
      try {
        parsePreviousKeys(name, v);
        return true;
      } catch {
        return false;
      }
    }, 'id:base64 pairs separated by ";", each key 32 bytes');

/** Services that store or match personal data add these (the HMAC key is shared for matching). */
export const personalDataConfigSchema = z.object({
  PII_ENCRYPTION_KEY: base64Key,
  PII_HMAC_KEY: base64Key,
  /** 密钥轮换: the current encryption key's id, and the previous keys (`k1:<base64>;…`). */
  PII_ENCRYPTION_KEY_ID: keyId,
  PII_ENCRYPTION_PREVIOUS_KEYS: previousKeys('PII_ENCRYPTION_PREVIOUS_KEYS'),
  /** The same for the HMAC key: hashes under the previous keys are still found while held. */
  PII_HMAC_KEY_ID: keyId,
  PII_HMAC_PREVIOUS_KEYS: previousKeys('PII_HMAC_PREVIOUS_KEYS'),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/**
 * Reads and validates configuration once at start. Fails fast with every bad or missing
 * variable named, so a misconfigured deployment never half-starts.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => ({
        variable: i.path.map(String).join('.') || '(environment)',
        message:
          i.code === 'invalid_type' && i.input === undefined
            ? 'is required but not set'
            : i.message,
      }));
  // Every service verifies tokens: one of the two key sources must be configured.
  if ('AUTH_PUBLIC_KEY' in schema.shape && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY) {
    problems.push({
      variable: 'AUTH_JWKS_URL',
      message: 'set AUTH_JWKS_URL (the gateway JWKS) or AUTH_PUBLIC_KEY (PEM)',
    });
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}
