import { routesOf } from '@fupin/kit';
import { compareOpenApi } from '@fupin/testing';
import request from 'supertest';
import { startAssessment, type TestAssessment } from './fixtures/assessment';

let t: TestAssessment;
beforeAll(async () => {
  t = await startAssessment({ consume: false });
});
afterAll(async () => {
  await t?.close();
});

test('every route is in the OpenAPI document, and every documented operation is served', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  expect(compareOpenApi(doc, routesOf(t.app), 'assessment')).toEqual({
    undocumented: [],
    unserved: [],
    incomplete: [],
  });
});

test('the service answers ready with its database, Kafka and Redis', async () => {
  const res = await request(t.app).get('/readyz');
  expect(res.status).toBe(200);
});
