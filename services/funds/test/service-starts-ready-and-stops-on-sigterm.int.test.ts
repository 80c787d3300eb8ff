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

test('the funds process starts from its environment, answers, and exits 0 on SIGTERM', async () => {
  const infra = await getInfra();
  const issuer = await createTestIssuer();
  const port = await freePort();
  const { child, output } = startTsProcess(path.join(__dirname, '../src/main.ts'), {
    PORT: String(port),
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: uniqueDbName(),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName(),
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    REDIS_URL: infra.redisUrl,
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    IDLE_FUNDS_DAYS: '120',
    LOG_LEVEL: 'info',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const token = await issuer.sign({ area: '431025000000', rights: { funds: ['read'] } });
    const balances = await fetch(`${base}/balances`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(balances.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(output()).toMatch(/"msg":"shut down"/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a bad setting stops the process at start, naming the variable', async () => {
  const { child, output } = startTsProcess(path.join(__dirname, '../src/main.ts'), {
    MONGO_URL: 'mongodb://127.0.0.1:1',
    KAFKA_BROKERS: '127.0.0.1:1',
    REDIS_URL: 'redis://127.0.0.1:1',
    AUTH_PUBLIC_KEY: 'x',
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    IDLE_FUNDS_DAYS: 'ninety',
  });
  expect(await exitOf(child)).toBe(1);
  expect(output()).toMatch(/IDLE_FUNDS_DAYS/);
});
