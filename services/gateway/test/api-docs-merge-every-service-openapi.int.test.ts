import { bearer, COUNTY, type SignedIn } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
let office: SignedIn;
beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
});
afterAll(async () => {
  if (!t) return;
  await t.close();
});

test('/api/docs/openapi.json holds the gateway and every service, services under /api/<service>', async () => {
  const res = await t.api().get('/api/docs/openapi.json').set(bearer(office.accessToken));
  expect(res.status).toBe(200);
  const doc = res.body as {
    openapi: string;
    paths: Record<string, Record<string, { tags?: string[] }>>;
    components: { schemas: Record<string, unknown> };
  };
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.paths['/auth/login']).toBeDefined();
  expect(doc.paths['/users']).toBeDefined();
  for (const s of t.services) {
    const own = (await t.api().get('/api/docs/openapi.json').set(bearer(office.accessToken))).body;
    const direct = (await fetch(`${s.url}/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, unknown>;
    };
    for (const p of Object.keys(direct.paths))
      expect(Object.keys(own.paths)).toContain(`/api/${s.name}${p}`);
  }
  expect(doc.paths['/api/registry/areas']!.get!.tags).toEqual(['registry']);
  // Components are namespaced per service and every reference resolves.
  expect(doc.components.schemas['registry.Problem']).toBeDefined();
  const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
  const unresolved = [...new Set(refs)]
    .map((r) => r.slice('"#/components/schemas/'.length, -1))
    .filter((name) => !(name in doc.components.schemas));
  expect(unresolved).toEqual([]);
});

test('/api/docs serves Swagger UI pointing at the merged document', async () => {
  const redirect = await t.api().get('/api/docs');
  expect(redirect.status).toBe(301);
  const page = await t.api().get('/api/docs/');
  expect(page.status).toBe(200);
  expect(page.text).toContain('swagger-ui-bundle.js');
  const init = await t.api().get('/api/docs/swagger-initializer.js');
  expect(init.text).toContain("url: './openapi.json'");
  const bundle = await t.api().get('/api/docs/swagger-ui-bundle.js');
  expect(bundle.status).toBe(200);
});
