import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { bearer, COUNTY, TOWNSHIP_A } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
beforeAll(async () => {
  t = await startCounty();
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

test('the JWKS serves the public key that verifies the access tokens', async () => {
  const res = await t.api().get('/.well-known/jwks.json');
  expect(res.status).toBe(200);
  const { keys } = res.body as { keys: { kid: string; alg: string; use: string; d?: string }[] };
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatchObject({ alg: 'ES256', use: 'sig' });
  expect(keys[0]!.d).toBeUndefined();
  expect(decodeProtectedHeader(t.admin.accessToken).kid).toBe(keys[0]!.kid);
});

test('an initial password gives no token until it is changed', async () => {
  const created = await t
    .api()
    .post('/users')
    .set(bearer(t.admin.accessToken))
    .send({
      username: 'zhang.san',
      displayName: '张三',
      roles: ['township_staff'],
      areaCode: TOWNSHIP_A,
    });
  expect(created.status).toBe(201);
  const initial = (created.body as { initialPassword: string }).initialPassword;
  t.secrets.add(initial);
  const refused = await t
    .api()
    .post('/auth/login')
    .send({ username: 'zhang.san', password: initial });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  expect(refused.body.accessToken).toBeUndefined();

  const weak = await t
    .api()
    .post('/auth/password')
    .send({ username: 'zhang.san', currentPassword: initial, newPassword: 'short' });
  expect(weak.status).toBe(422);
  expect(weak.body.code).toBe('AUTH_PASSWORD_RULES');
  const withName = await t
    .api()
    .post('/auth/password')
    .send({ username: 'zhang.san', currentPassword: initial, newPassword: 'Zhang.San-2026!' });
  expect(withName.body.errors.map((e: { code: string }) => e.code)).toContain(
    'PASSWORD_CONTAINS_USERNAME',
  );

  const password = t.newPassword();
  t.secrets.add(password);
  await t.changePassword('zhang.san', initial, password);
  const ok = await t.api().post('/auth/login').send({ username: 'Zhang.San', password });
  expect(ok.status).toBe(200);
  t.secrets.add(ok.body.accessToken);
  t.secrets.add(ok.body.refreshToken);
  expect(decodeJwt(ok.body.accessToken)).toMatchObject({
    iss: 'fupin-gateway',
    aud: 'fupin',
    name: 'zhang.san',
    roles: ['township_staff'],
    area: TOWNSHIP_A,
    rights: { registry: ['read', 'write', 'export'] },
  });
});

test('claims carry user id, roles, department, area scope and rights', async () => {
  const u = await t.signedInUser({
    roles: ['department_staff'],
    department: 'education',
    areaCode: COUNTY,
  });
  const claims = decodeJwt(u.accessToken);
  expect(claims).toMatchObject({
    sub: u.userId,
    roles: ['department_staff'],
    dept: 'education',
    area: COUNTY,
    rights: { support: ['read', 'write', 'export'], registry: ['read'] },
  });
  expect(typeof claims.jti).toBe('string');
  expect(typeof claims.sid).toBe('string');
  expect(claims.exp! - claims.iat!).toBe(t.config.ACCESS_TOKEN_TTL_SECONDS);
});

test('the registry accepts the token (verified by the JWKS), refresh rotates, logout revokes everywhere', async () => {
  const u = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  const registry = t.service('registry');
  expect((await request(registry.url).get('/areas').set(bearer(u.accessToken))).status).toBe(200);
  // Through the proxy too.
  expect((await t.api().get('/api/registry/areas').set(bearer(u.accessToken))).status).toBe(200);

  const refreshed = await t.api().post('/auth/refresh').send({ refreshToken: u.refreshToken });
  expect(refreshed.status).toBe(200);
  t.secrets.add(refreshed.body.accessToken);
  t.secrets.add(refreshed.body.refreshToken);
  expect(refreshed.body.refreshToken).not.toBe(u.refreshToken);
  expect(decodeJwt(refreshed.body.accessToken).sid).toBe(decodeJwt(u.accessToken).sid);

  const logout = await t
    .api()
    .post('/auth/logout')
    .set(bearer(refreshed.body.accessToken))
    .send({ refreshToken: refreshed.body.refreshToken });
  expect(logout.status).toBe(204);

  // Both access tokens of the session are refused by the service itself, not only the gateway.
  for (const token of [u.accessToken, refreshed.body.accessToken]) {
    const res = await request(registry.url).get('/areas').set(bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_TOKEN_REVOKED');
  }
  const again = await t
    .api()
    .post('/auth/refresh')
    .send({ refreshToken: refreshed.body.refreshToken });
  expect(again.status).toBe(401);
});

test('a refresh token used twice ends the session (a copied token is worthless)', async () => {
  const u = await t.signedInUser({ roles: ['auditor'], areaCode: COUNTY });
  const first = await t.api().post('/auth/refresh').send({ refreshToken: u.refreshToken });
  expect(first.status).toBe(200);
  t.secrets.add(first.body.accessToken);
  t.secrets.add(first.body.refreshToken);
  const replay = await t.api().post('/auth/refresh').send({ refreshToken: u.refreshToken });
  expect(replay.status).toBe(401);
  expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
  const successor = await t
    .api()
    .post('/auth/refresh')
    .send({ refreshToken: first.body.refreshToken });
  expect(successor.status).toBe(401);
  const res = await request(t.service('registry').url)
    .get('/areas')
    .set(bearer(first.body.accessToken));
  expect(res.body.code).toBe('AUTH_TOKEN_REVOKED');
});

test('a change of rights voids the tokens already issued; the next sign-in carries the new rights', async () => {
  const u = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  const changed = await t
    .api()
    .put(`/users/${u.userId}`)
    .set(bearer(t.admin.accessToken))
    .send({ rights: { registry: ['read'] } });
  expect(changed.status).toBe(200);
  const res = await request(t.service('registry').url).get('/areas').set(bearer(u.accessToken));
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('AUTH_TOKEN_REVOKED');
  const again = await t.login(u.username, u.password);
  expect(decodeJwt(again.accessToken).rights).toEqual({ registry: ['read'] });
  expect(
    (await request(t.service('registry').url).get('/areas').set(bearer(again.accessToken))).status,
  ).toBe(200);
});
