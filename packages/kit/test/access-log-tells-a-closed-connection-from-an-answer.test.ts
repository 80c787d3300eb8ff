import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createTestIssuer } from '@fupin/testing';
import { createLogger, createServiceApp, createTokenVerifier, listen } from '../src';

/**
 * The access log says what happened to each request: an answer is "request completed" with
 * its status; a connection the client closed before any answer (it gave up waiting) is a
 * warning saying so, not a completed request with `statusCode: null`.
 */
const lines: Record<string, unknown>[] = [];
const destination = new Writable({
  write(chunk: Buffer, _enc, cb) {
    for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
    cb();
  },
});
let server: http.Server;
let port: number;
let released: () => void = () => undefined;
let reached: () => void = () => undefined;

beforeAll(async () => {
  const issuer = await createTestIssuer();
  const app = createServiceApp({
    name: 'access-log-test',
    logger: createLogger({ name: 'access-log-test', level: 'info', destination }),
    readiness: [],
    verifier: await createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      publicKeyPem: issuer.publicKeyPem,
    }),
    routes: () => undefined,
    publicRoutes: (r) => {
      r.get('/quick', (_req, res) => {
        res.json({ ok: true });
      });
      r.get('/slow', (_req, res) => {
        released = () => {
          if (!res.writableEnded && !res.destroyed) res.json({ late: true });
        };
        reached();
      });
    },
  });
  server = await listen(app, 0, '127.0.0.1');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  released();
  await new Promise((r) => server.close(r));
});

const accessLines = (url: string) =>
  lines.filter((l) => (l.req as { url?: string } | undefined)?.url === url);

/** The access-log line of a request once written (it follows the answer by a moment). */
async function lineFor(url: string): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < 250 && accessLines(url).length === 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  return accessLines(url)[0];
}

test('an answered request is logged as completed with its status', async () => {
  expect((await fetch(`http://127.0.0.1:${port}/quick`)).status).toBe(200);
  const line = await lineFor('/quick');
  expect(line).toMatchObject({ msg: 'request completed', level: 'info', res: { statusCode: 200 } });
});

test('a connection closed before the answer is a warning that says so', async () => {
  const handled = new Promise<void>((r) => (reached = r));
  const req = http.get({ host: '127.0.0.1', port, path: '/slow', agent: false });
  req.on('error', () => undefined);
  // The client gives up once the service is working on the request.
  await handled;
  req.destroy();
  const line = await lineFor('/slow');
  expect(line).toMatchObject({
    msg: 'request closed before an answer was sent',
    level: 'warn',
    res: { statusCode: null },
  });
});

test('personal data in the requested address is masked in the access log', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/quick?q=11010519491231002X&phone=13812345678`);
  expect(res.status).toBe(200);
  const line = await lineFor('/quick?q=1101**********002X&phone=138****5678');
  expect(line?.req).toMatchObject({ url: '/quick?q=1101**********002X&phone=138****5678' });
  expect(JSON.stringify(lines)).not.toMatch(/11010519491231002X|13812345678/);
});
