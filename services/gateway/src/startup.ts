import fs from 'node:fs';
import { createLogger, loadConfig, type Logger, openRuntime } from '@fupin/kit';
import { gatewayConfigSchema } from './config';
import { loadSigningKeys } from './sessions/signing-keys';

/**
 * Reads the signing key first: the gateway verifies its own tokens with the public half,
 * so that key stands in for AUTH_PUBLIC_KEY / AUTH_JWKS_URL.
 */
export async function openGatewayRuntime(
  env: Record<string, string | undefined> = process.env,
  opts: { logger?: (level: string) => Logger } = {},
) {
  const keys = await loadSigningKeys({
    privateKeyPem:
      env.AUTH_SIGNING_KEY ??
      (env.AUTH_SIGNING_KEY_FILE ? fs.readFileSync(env.AUTH_SIGNING_KEY_FILE, 'utf8') : undefined),
    previousPublicKeysPem: env.AUTH_PREVIOUS_PUBLIC_KEYS,
    production: env.NODE_ENV === 'production',
  });
  const { AUTH_JWKS_URL: _ignored, ...rest } = env;
  const config = loadConfig(gatewayConfigSchema, { ...rest, AUTH_PUBLIC_KEY: keys.publicKeyPem });
  const logger =
    opts.logger?.(config.LOG_LEVEL) ?? createLogger({ name: 'gateway', level: config.LOG_LEVEL });
  const rt = await openRuntime('gateway', config, logger);
  return { keys, config, logger, rt };
}
