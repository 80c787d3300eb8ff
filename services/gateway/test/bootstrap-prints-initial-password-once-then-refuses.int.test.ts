import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  exitOf,
  getInfra,
  listeningPort,
  startTsProcess,
  uniqueDbName,
  uniqueName,
} from '@fupin/testing';
import { decodeProtectedHeader, exportJWK, importSPKI, calculateJwkThumbprint } from 'jose';
import { createPublicKey } from 'node:crypto';
import { generateSigningKeyPem } from '../src/sessions/signing-keys';

const src = path.join(__dirname, '../src');

test('the bootstrap command prints a random initial password once; the gateway process signs with the configured key', async () => {
  const infra = await getInfra();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-key-'));
  const keyFile = path.join(dir, 'signing.pem');
  fs.writeFileSync(keyFile, await generateSigningKeyPem('ES256'), { mode: 0o600 });
  const env = {
    NODE_ENV: 'production',
    PORT: '0',
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: uniqueDbName(),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName(),
    REDIS_URL: infra.redisUrl,
    AUTH_SIGNING_KEY_FILE: keyFile,
    GATEWAY_SERVICES: 'registry=http://127.0.0.1:9',
    LOG_LEVEL: 'warn',
  };

  const first = startTsProcess(path.join(src, 'bootstrap.ts'), env);
  expect(await exitOf(first.child)).toBe(0);
  const password = /initial password \/ 初始密码: (\S+)/.exec(first.output())?.[1];
  expect(password).toMatch(/^.{18,}$/);

  const second = startTsProcess(path.join(src, 'bootstrap.ts'), env);
  expect(await exitOf(second.child)).toBe(1);
  expect(second.output()).toContain('GATEWAY_ALREADY_BOOTSTRAPPED');
  expect(second.output()).not.toContain(password!);

  const noKey = startTsProcess(path.join(src, 'main.ts'), { ...env, AUTH_SIGNING_KEY_FILE: '' });
  expect(await exitOf(noKey.child)).toBe(1);
  expect(noKey.output()).toContain('AUTH_SIGNING_KEY is required in production');

  // At info, the gateway's log says which port the kernel gave it.
  const main = startTsProcess(path.join(src, 'main.ts'), { ...env, LOG_LEVEL: 'info' });
  try {
    const base = `http://127.0.0.1:${await listeningPort(main, 'gateway')}`;
    await eventually(async () => expect((await fetch(`${base}/readyz`)).status).toBe(200), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const post = (p: string, body: object) =>
      fetch(`${base}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/auth/login', { username: 'admin', password })).status).toBe(403);
    const next = 'County-Changed-2026!';
    expect(
      (
        await post('/auth/password', {
          username: 'admin',
          currentPassword: password,
          newPassword: next,
        })
      ).status,
    ).toBe(204);
    const login = await post('/auth/login', { username: 'admin', password: next });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    const pub = createPublicKey(fs.readFileSync(keyFile, 'utf8'))
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const kid = await calculateJwkThumbprint(
      await exportJWK(await importSPKI(pub, 'ES256', { extractable: true })),
    );
    expect(jwks.keys.map((k) => k.kid)).toEqual([kid]);
    expect(decodeProtectedHeader(accessToken).kid).toBe(kid);
    const me = await fetch(`${base}/auth/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(((await me.json()) as { roles: string[] }).roles).toEqual(['county_admin']);
    expect(main.output()).not.toContain(next);
  } finally {
    main.child.kill('SIGTERM');
    expect(await exitOf(main.child)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
