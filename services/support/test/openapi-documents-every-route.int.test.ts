import { routesOf } from '@fupin/kit';
import request from 'supertest';
import { startSupport, type TestSupport } from './fixtures/support';

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

const PUBLIC = ['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /openapi.json'];

test('every route is in the OpenAPI document, and every documented operation is served', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { 'x-right'?: string; responses?: Record<string, unknown> }>
    >;
  };
  expect(doc.openapi).toBe('3.1.0');
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  const served = routesOf(t.app).filter((r) => !PUBLIC.includes(r));
  expect(served.filter((r) => !documented.includes(r))).toEqual([]);
  expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'parameters') continue;
      expect({ op: `${method} ${path}`, right: op['x-right'] }).toEqual({
        op: `${method} ${path}`,
        right: expect.stringMatching(/^support\.(read|write|approve|export|unmask)$/),
      });
      expect(Object.keys(op.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
  }
});
