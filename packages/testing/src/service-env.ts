import { randomBytes } from 'node:crypto';
import { getInfra } from './infra';
import { uniqueDbName, uniqueName } from './names';
import { createTestIssuer } from './tokens';

/**
 * The environment of a service instance under test: the real servers, a database and a topic
 * prefix of its own, a signing key pair of its own (the issuer signs the test's tokens), fresh
 * personal-data keys and a fast outbox poll. `overrides` win; the same `env` can start a
 * second process of the same instance (a worker).
 */
export async function serviceTestEnv(overrides: Record<string, string> = {}) {
  const infra = await getInfra();
  const issuer = await createTestIssuer();
  const env: Record<string, string> = {
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: uniqueDbName(),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName(),
    REDIS_URL: infra.redisUrl,
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    OUTBOX_POLL_MS: '100',
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
    ...overrides,
  };
  return { issuer, env };
}
