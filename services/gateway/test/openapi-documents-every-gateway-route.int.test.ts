import { routesOf } from '@fupin/kit';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
beforeAll(async () => {
  t = await startCounty();
});
afterAll(async () => {
  if (!t) return;
  await t.close();
});

const UNDOCUMENTED = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /openapi.json',
  // A static asset of the docs page.
  'GET /api/docs/swagger-initializer.js',
];

test('every gateway route is in its OpenAPI document, and every documented operation is served', async () => {
  const doc = (await t.api().get('/openapi.json')).body as {
    paths: Record<string, Record<string, { 'x-right'?: string; responses?: object }>>;
  };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  const served = routesOf(t.gateway.app).filter((r) => !UNDOCUMENTED.includes(r));
  expect(served.filter((r) => !documented.includes(r))).toEqual([]);
  expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'parameters') continue;
      expect({ op: `${method} ${path}`, right: op['x-right'] }).toEqual({
        op: `${method} ${path}`,
        // The gateway's own modules, the registry's read for the dossier and the ledger it
        // assembles, and the registry's export for the ledger's workbook.
        right: expect.stringMatching(
          /^(public|authenticated|(users|audit)\.(read|write|export)|registry\.(read|export))$/,
        ),
      });
    }
  }
});
