import path from 'node:path';
import { eventually, exitOf, listeningPort, serviceTestEnv, startTsProcess } from '@fupin/testing';

const main = path.join(__dirname, '../src/main.ts');

test('the registry process starts from its environment, becomes ready, serves, and exits 0 on SIGTERM', async () => {
  const { issuer, env } = await serviceTestEnv({
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  const { child, output } = startTsProcess(main, env);
  try {
    const base = `http://127.0.0.1:${await listeningPort({ child, output }, 'registry')}`;
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const token = await issuer.sign({
      area: '431121000000',
      rights: { registry: ['read', 'write'] },
    });
    const created = await fetch(`${base}/areas`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': 'smoke-1',
      },
      body: JSON.stringify({ code: '431121000000', name: '桃源县' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('smoke-1');

    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(output()).toMatch(/"msg":"shut down"/);
    // Access logs carry the request id.
    expect(output()).toMatch(/"id":"smoke-1"/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a missing variable stops the start with the variable named', async () => {
  const { child, output } = startTsProcess(main, {
    MONGO_URL: '',
    KAFKA_BROKERS: '',
    AUTH_PUBLIC_KEY: '',
  });
  expect(await exitOf(child)).toBe(1);
  expect(output()).toMatch(/MONGO_URL/);
  expect(output()).toMatch(/KAFKA_BROKERS/);
  expect(output()).toMatch(/AUTH_JWKS_URL/);
});
