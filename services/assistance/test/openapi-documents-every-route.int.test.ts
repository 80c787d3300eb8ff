import { routesOf } from '@fupin/kit';
import { compareOpenApi } from '@fupin/testing';
import request from 'supertest';
import { startAssistance, type TestAssistance } from './fixtures/assistance';

let t: TestAssistance;
beforeAll(async () => {
  t = await startAssistance({ consume: false });
});
afterAll(async () => {
  await t.close();
});

test('every route is in the OpenAPI document, and every documented operation is served', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  // Each operation also names its right on this module and answers 401 and 403.
  expect(compareOpenApi(doc, routesOf(t.app), 'assistance')).toEqual({
    undocumented: [],
    unserved: [],
    incomplete: [],
  });
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
