import { routesOf } from '@fupin/kit';
import { compareOpenApi } from '@fupin/testing';
import { startMatching, type TestMatching } from './fixtures/matching';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t.close();
});

test('every route is in the OpenAPI document, and every documented operation is served', async () => {
  const doc = (await t.api().get('/openapi.json')).body as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  // Each operation also names its right on this module and answers 401 and 403.
  expect(compareOpenApi(doc, routesOf(t.app), 'matching')).toEqual({
    undocumented: [],
    unserved: [],
    incomplete: [],
  });
});
