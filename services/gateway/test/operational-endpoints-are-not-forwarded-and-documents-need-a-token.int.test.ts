import { bearer, COUNTY, type SignedIn } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

// The gateway forwarded every service's /metrics, /healthz, /readyz and /openapi.json to
// anyone: metrics told each route's traffic, consumer lags and queue sizes. Those are for the
// cluster, on the service's own port; the documents are for signed-in users.

let t: CountyPlatform;
let office: SignedIn;
let services: string[];
beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  services = Object.keys(t.config.GATEWAY_SERVICES);
});
afterAll(async () => {
  if (!t) return;
  await t.close();
});

test('every configured service is one of the running ones', () => {
  expect(services.length).toBeGreaterThanOrEqual(t.services.length);
  for (const s of t.services) expect(services).toContain(s.name);
});

test('/metrics, /healthz and /readyz of every service are 404 through the gateway, token or not', async () => {
  for (const name of services) {
    for (const path of ['/metrics', '/healthz', '/readyz']) {
      for (const headers of [{}, bearer(office.accessToken)]) {
        const res = await t.api().get(`/api/${name}${path}`).set(headers);
        expect({ name, path, status: res.status }).toEqual({ name, path, status: 404 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('ROUTE_NOT_FOUND');
        expect(res.text).not.toContain('http_request');
      }
    }
  }
});

test('the spellings express would route to the same endpoint are refused too', async () => {
  for (const path of ['/METRICS', '/metrics/', '//metrics', '/Readyz/', '/metrics?x=1']) {
    const res = await t.api().get(`/api/registry${path}`).set(bearer(office.accessToken));
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
  }
  const head = await t.api().head('/api/registry/metrics');
  expect(head.status).toBe(404);
});

test('each service still serves them on its own port, and the gateway its own', async () => {
  for (const s of t.services) {
    expect((await fetch(`${s.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
  }
  expect((await t.api().get('/healthz')).status).toBe(200);
  expect((await t.api().get('/readyz')).status).toBe(200);
  expect((await t.api().get('/metrics')).status).toBe(200);
});

test("every service's OpenAPI document is 401 without a valid token and 200 with one", async () => {
  for (const name of services) {
    const anonymous = await t.api().get(`/api/${name}/openapi.json`);
    expect({ name, status: anonymous.status }).toEqual({ name, status: 401 });
    expect(anonymous.body.paths).toBeUndefined();
    const forged = await t
      .api()
      .get(`/api/${name}/openapi.json`)
      .set('authorization', 'Bearer not.a.token');
    expect({ name, status: forged.status }).toEqual({ name, status: 401 });
    const signedIn = await t.api().get(`/api/${name}/openapi.json`).set(bearer(office.accessToken));
    expect({ name, status: signedIn.status }).toEqual({ name, status: 200 });
    expect(signedIn.body.openapi).toBe('3.1.0');
  }
});

test('the merged document is for signed-in users too; the Swagger UI page is public', async () => {
  const anonymous = await t.api().get('/api/docs/openapi.json');
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.paths).toBeUndefined();
  const signedIn = await t.api().get('/api/docs/openapi.json').set(bearer(office.accessToken));
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.paths['/api/registry/areas']).toBeDefined();
  expect((await t.api().get('/api/docs/')).status).toBe(200);
});
