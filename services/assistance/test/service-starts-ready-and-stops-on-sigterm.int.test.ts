import path from 'node:path';
import { eventually, exitOf, listeningPort, serviceTestEnv, startTsProcess } from '@fupin/testing';

const main = path.join(__dirname, '../src/main.ts');

test('the assistance process starts from its environment, becomes ready, serves, and exits 0 on SIGTERM', async () => {
  const { issuer, env } = await serviceTestEnv({
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  const { child, output } = startTsProcess(main, env);
  try {
    const base = `http://127.0.0.1:${await listeningPort({ child, output }, 'assistance')}`;
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
