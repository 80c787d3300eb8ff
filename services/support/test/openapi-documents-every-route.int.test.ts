import { routesOf } from '@fupin/kit';
import { compareOpenApi } from '@fupin/testing';
import request from 'supertest';
import { startSupport, type TestSupport } from './fixtures/support';

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
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
  expect(compareOpenApi(doc, routesOf(t.app), 'support')).toEqual({
    undocumented: [],
    unserved: [],
    incomplete: [],
  });
});
