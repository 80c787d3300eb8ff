import { baseConfigSchema } from '@fupin/kit';
import { isAreaCode } from '@fupin/reference';
import { z } from 'zod';

const serviceMap = z.string().transform((s, ctx) => {
  const out: Record<string, string> = {};
  for (const pair of s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, url] = pair.split('=');
    if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !url || !/^https?:\/\/\S+$/.test(url)) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not <service>=<http url>` });
      return z.NEVER;
    }
    out[name] = url.replace(/\/$/, '');
  }
  return out;
});

export const gatewayConfigSchema = baseConfigSchema.extend({
  MONGO_DB: baseConfigSchema.shape.MONGO_DB.default('gateway'),
  PORT: baseConfigSchema.shape.PORT.default(4100),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /**
   * PKCS#8 PEM private key (ES256, EdDSA or RS256) that signs access tokens. Required in
   * production; elsewhere a key pair is generated at start when it is missing.
   */
  AUTH_SIGNING_KEY: z.string().optional(),
  /** The same key read from a file (a mounted secret); AUTH_SIGNING_KEY wins when both are set. */
  AUTH_SIGNING_KEY_FILE: z.string().optional(),
  /** Public keys (PEM, separated by blank lines) still served in the JWKS after a key rotation. */
  AUTH_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(7 * 24 * 3600),
  /** Wrong passwords allowed within the window; the next one locks the account. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(60).default(900),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(60).default(1800),
  /** Sign-in attempts per client IP per minute, and per username per minute. */
  LOGIN_RATE_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_PER_USER: z.coerce.number().int().min(1).default(10),
  /** The console's origin: the only one CORS lets in. */
  CONSOLE_ORIGIN: z.url().default('http://localhost:5173'),
  /** `<service>=<base url>` pairs the reverse proxy serves under /api/<service>/. */
  GATEWAY_SERVICES: serviceMap.default({
    registry: 'http://127.0.0.1:4101',
    matching: 'http://127.0.0.1:4105',
    funds: 'http://127.0.0.1:4103',
    support: 'http://127.0.0.1:4104',
    assessment: 'http://127.0.0.1:4106',
    assistance: 'http://127.0.0.1:4102',
  }),
  /** Largest request body passed to a service (uploads of Excel files included). */
  PROXY_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** The county whose area scope security events without a known user are filed under. */
  COUNTY_AREA_CODE: z
    .string()
    .refine(isAreaCode, 'must be a 12-digit area code')
    .default('431121000000'),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
