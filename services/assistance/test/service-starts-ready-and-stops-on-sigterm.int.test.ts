import path from 'node:path';
import { generatePersonalDataKey } from '@fupin/kit';
import {
  createTestIssuer,
  eventually,
  exitOf,
  freePort,
  getInfra,
  startTsProcess,
  uniqueDbName,
  uniqueName,
} from '@fupin/testing';

const main = path.join(__dirname, '../src/main.ts');

test('the assistance process starts from its environment, becomes ready, serves, and exits 0 on SIGTERM', async () => {
  const infra = await getInfra();
  const issuer = await createTestIssuer();
  const port = await freePort();
  const { child, output } = startTsProcess(main, {
    PORT: String(port),
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: uniqueDbName(),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName(),
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    REDIS_URL: infra.redisUrl,
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    LOG_LEVEL: 'info',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const token = await issuer.sign({ area: '431121000000', rights: { assistance: ['read'] } });
    const limits = await fetch(`${base}/pairing-limits`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(limits.status).toBe(200);
    expect(((await limits.json()) as unknown[]).length).toBe(4);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(output()).toMatch(/"msg":"shut down"/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a missing variable stops the start with the variable named', async () => {
  const { child, output } = startTsProcess(main, {
    MONGO_URL: '',
    KAFKA_BROKERS: '',
    AUTH_PUBLIC_KEY: '',
    PII_HMAC_KEY: '',
  });
  expect(await exitOf(child)).toBe(1);
  expect(output()).toMatch(/MONGO_URL/);
  expect(output()).toMatch(/PII_HMAC_KEY/);
});
