import { routesOf } from '@fupin/kit';
import request from 'supertest';
import { startAssistance, type TestAssistance } from './fixtures/assistance';

let t: TestAssistance;
beforeAll(async () => {
  t = await startAssistance({ consume: false });
});
afterAll(async () => {
  await t.close();
});

const PUBLIC = ['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /openapi.json'];

test('every route is in the OpenAPI document, and every documented operation is served', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
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
    for (const [method, op] of Object.entries(
      ops as Record<string, { 'x-right'?: string; responses?: Record<string, unknown> }>,
    )) {
      if (method === 'parameters') continue;
      expect({ op: `${method} ${path}`, right: op['x-right'] }).toEqual({
        op: `${method} ${path}`,
        right: expect.stringMatching(/^assistance\.(read|write|approve|export|unmask)$/),
      });
      expect(Object.keys(op.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
  }
});

test('a caller without the right gets 403 with the right named, on every operation', async () => {
  const noRights = await t.issuer.sign({ area: '431121000000', rights: { registry: ['read'] } });
  const doc = (await request(t.app).get('/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops).filter((m) => m !== 'parameters')) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await request(t.app)
        [method as 'get'](url)
        .set('authorization', `Bearer ${noRights}`);
      expect({ op: `${method} ${path}`, status: res.status, code: res.body.code }).toEqual({
        op: `${method} ${path}`,
        status: 403,
        code: 'FORBIDDEN_RIGHT',
      });
    }
  }
});
