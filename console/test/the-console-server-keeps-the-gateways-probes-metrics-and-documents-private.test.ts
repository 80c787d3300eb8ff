import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveConsole } from '../server/static-server';

// The public address's `/` reaches the console's server, which forwards every path it has no
// file for to the gateway: the gateway's own /metrics, /healthz, /readyz and /openapi.json were
// public through it. They are for the cluster (the gateway's port) and signed-in users.

let dist: string;
let gateway: Server;
let gatewayUrl: string;
const reached: string[] = [];
let console_: Awaited<ReturnType<typeof serveConsole>>;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'console-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
  gateway = http.createServer((req, res) => {
    reached.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"from":"gateway"}');
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  console_ = await serveConsole({ distDir: dist, gatewayUrl });
});
afterAll(async () => {
  await console_?.close();
  await new Promise((resolve) => gateway?.close(resolve));
  await rm(dist, { recursive: true, force: true });
});

test("the gateway's operational endpoints and document are 404 problem+json, never forwarded", async () => {
  const paths = ['/metrics', '/healthz', '/readyz', '/openapi.json', '/METRICS/', '//readyz?x=1'];
  for (const p of paths) {
    const res = await fetch(`${console_.url}${p}`);
    expect({ p, status: res.status }).toEqual({ p, status: 404 });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { code: string; message: Record<string, string> };
    expect(body.code).toBe('ROUTE_NOT_FOUND');
    expect(body.message['zh-CN']).toContain('没有这个接口');
  }
  const post = await fetch(`${console_.url}/metrics`, { method: 'POST', body: 'x' });
  expect(post.status).toBe(404);
  expect(reached).toEqual([]);
});

test('the API, sign-in and docs paths are still forwarded, and the app is served', async () => {
  for (const p of ['/api/registry/areas', '/auth/me', '/api/docs/', '/.well-known/jwks.json']) {
    const res = await fetch(`${console_.url}${p}`);
    expect({ p, status: res.status }).toEqual({ p, status: 200 });
    expect(await res.json()).toEqual({ from: 'gateway' });
  }
  expect(reached).toEqual([
    '/api/registry/areas',
    '/auth/me',
    '/api/docs/',
    '/.well-known/jwks.json',
  ]);
  expect(await (await fetch(`${console_.url}/`)).text()).toContain('<title>console</title>');
});
