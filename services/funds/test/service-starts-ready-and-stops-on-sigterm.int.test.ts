import path from 'node:path';
import { generatePersonalDataKey } from '@fupin/kit';
import { eventually, exitOf, listeningPort, serviceTestEnv, startTsProcess } from '@fupin/testing';

test('the funds process starts from its environment, answers, and exits 0 on SIGTERM', async () => {
  const { issuer, env } = await serviceTestEnv({
    PORT: '0',
    IDLE_FUNDS_DAYS: '120',
    LOG_LEVEL: 'info',
  });
  const { child, output } = startTsProcess(path.join(__dirname, '../src/main.ts'), env);
  try {
    const base = `http://127.0.0.1:${await listeningPort({ child, output }, 'funds')}`;
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
