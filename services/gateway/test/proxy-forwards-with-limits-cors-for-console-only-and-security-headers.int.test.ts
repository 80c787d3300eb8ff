import { bearer, COUNTY, type SignedIn } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
let office: SignedIn;
beforeAll(async () => {
  t = await startCounty({
    gatewayEnv: {
      CONSOLE_ORIGIN: 'https://console.example.gov.cn',
      PROXY_BODY_LIMIT_BYTES: '65536',
    },
  });
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

test('/api/<service>/… reaches the service, which verifies the token itself', async () => {
  const ok = await t.api().get('/api/registry/areas').set(bearer(office.accessToken));
  expect(ok.status).toBe(200);
  expect(ok.headers['content-range']).toMatch(/^areas /);
  const anonymous = await t.api().get('/api/registry/areas');
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers['content-type']).toContain('application/problem+json');
});

test('the request id is generated or kept, and passed on to the service', async () => {
  const kept = await t
    .api()
    .get('/api/registry/areas')
    .set(bearer(office.accessToken))
    .set('x-request-id', 'console-42');
  expect(kept.headers['x-request-id']).toBe('console-42');
  const made = await t.api().get('/api/registry/areas').set(bearer(office.accessToken));
  expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // The registry logged the same id the gateway gave the caller.
  expect(
    t.logs.lines.some(
      (l) => l.includes('"service":"registry"') && l.includes(made.headers['x-request-id']!),
    ),
  ).toBe(true);
});

test('a body above the limit is refused at the gateway with 413', async () => {
  const res = await t
    .api()
    .post('/api/registry/areas')
    .set(bearer(office.accessToken))
    .set('content-type', 'application/json')
    .send(JSON.stringify({ code: '431121000000', name: 'x'.repeat(70_000) }));
  expect(res.status).toBe(413);
  expect(res.body.code).toBe('GATEWAY_BODY_TOO_LARGE');
});

test('an unreachable service answers 502 problem+json', async () => {
  const broken = await startCounty({
    gatewayEnv: { GATEWAY_SERVICES: 'registry=http://127.0.0.1:9' },
  });
  try {
    const res = await broken.api().get('/api/registry/areas').set(bearer(broken.admin.accessToken));
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('GATEWAY_SERVICE_UNAVAILABLE');
  } finally {
    await broken.close();
  }
});

test("CORS lets the console's origin in, and no other", async () => {
  const pre = await t
    .api()
    .options('/api/registry/households')
    .set('origin', 'https://console.example.gov.cn')
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'authorization,content-type');
  expect(pre.status).toBe(204);
  expect(pre.headers['access-control-allow-origin']).toBe('https://console.example.gov.cn');
  const get = await t
    .api()
    .get('/api/registry/areas')
    .set('origin', 'https://console.example.gov.cn')
    .set(bearer(office.accessToken));
  expect(get.headers['access-control-expose-headers']).toContain('Content-Range');

  const evil = await t
    .api()
    .options('/api/registry/households')
    .set('origin', 'https://evil.example.com')
    .set('access-control-request-method', 'POST');
  expect(evil.headers['access-control-allow-origin']).toBeUndefined();
});

test('security headers are set (helmet)', async () => {
  const res = await t.api().post('/auth/login').send({ username: 'x', password: 'y' });
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['strict-transport-security']).toContain('max-age=');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['x-powered-by']).toBeUndefined();
});
