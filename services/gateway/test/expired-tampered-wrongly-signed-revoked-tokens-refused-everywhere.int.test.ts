import { generateKeyPair, SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { TokenIssuer } from '../src/sessions/token-issuer';
import type { User } from '../src/users/user.model';
import { bearer, COUNTY, type SignedIn } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

/** Each service (the gateway included) is asked directly with each bad token. */
let t: CountyPlatform;
let office: SignedIn;
let user: User;

/** One authenticated read per service. */
const PROBE_PATH: Record<string, string> = {
  gateway: '/auth/me',
  registry: '/areas',
  matching: '/rules',
  support: '/persons',
  assessment: '/rankings',
  assistance: '/helpers',
  funds: '/projects',
};

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  user = (await t.gateway.models.users.findById(office.userId).lean<User>())!;
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

function targets() {
  return [
    { name: 'gateway', url: t.gatewayUrl },
    ...t.services.map((s) => ({ name: s.name, url: s.url })),
  ];
}

async function expectRefused(token: string, code: string) {
  const out: string[] = [];
  for (const target of targets()) {
    const path = PROBE_PATH[target.name];
    if (!path) {
      out.push(`${target.name}: add a probe path to PROBE_PATH`);
      continue;
    }
    const res = await request(target.url).get(path).set(bearer(token));
    if (res.status !== 401 || res.body.code !== code)
      out.push(`${target.name}: ${res.status} ${res.body.code ?? ''} (expected 401 ${code})`);
  }
  expect(out).toEqual([]);
}

test('a valid token is accepted by every service (the baseline)', async () => {
  for (const target of targets()) {
    const res = await request(target.url)
      .get(PROBE_PATH[target.name]!)
      .set(bearer(office.accessToken));
    expect({ service: target.name, status: res.status }).toEqual({
      service: target.name,
      status: 200,
    });
  }
});

test('an expired token is refused', async () => {
  const issuer = new TokenIssuer(t.keys, {
    issuer: 'fupin-gateway',
    audience: 'fupin',
    ttlSeconds: 60,
  });
  const old = await issuer.issue(user, 'old-session', new Date(Date.now() - 3600_000));
  t.secrets.add(old.token);
  await expectRefused(old.token, 'AUTH_TOKEN_EXPIRED');
});

test('a tampered token (a wider area and more rights, same signature) is refused', async () => {
  const [h, p, s] = office.accessToken.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  const forged = Buffer.from(
    JSON.stringify({
      ...claims,
      area: '430000000000',
      rights: { registry: ['read', 'unmask', 'export'] },
    }),
  ).toString('base64url');
  await expectRefused(`${h}.${forged}.${s}`, 'AUTH_TOKEN_INVALID');
});

test('a token signed with another key, even under the right key id, is refused', async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const kid = decodeProtectedHeader(office.accessToken).kid!;
  const { iat: _iat, exp: _exp, ...claims } = decodeJwt(office.accessToken);
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  await expectRefused(token, 'AUTH_TOKEN_INVALID');
});

test('an unsigned token (alg none) and a token for another audience are refused', async () => {
  const { iat: _iat, exp: _exp, ...claims } = decodeJwt(office.accessToken);
  const unsigned = new UnsecuredJWT(claims).setIssuedAt().setExpirationTime('5m').encode();
  await expectRefused(unsigned, 'AUTH_TOKEN_INVALID');
  const issuer = new TokenIssuer(t.keys, {
    issuer: 'fupin-gateway',
    audience: 'elsewhere',
    ttlSeconds: 60,
  });
  const other = await issuer.issue(user, 'other-session', new Date());
  t.secrets.add(other.token);
  await expectRefused(other.token, 'AUTH_TOKEN_INVALID');
});

test('a revoked token (logout) is refused by every service', async () => {
  const u = await t.login(office.username, office.password);
  const out = await t.api().post('/auth/logout').set(bearer(u.accessToken)).send({});
  expect(out.status).toBe(204);
  await expectRefused(u.accessToken, 'AUTH_TOKEN_REVOKED');
  // Another session of the same user is untouched.
  expect(
    (await request(t.service('registry').url).get('/areas').set(bearer(office.accessToken))).status,
  ).toBe(200);
});

test('disabling a user voids its tokens on every service', async () => {
  const u = await t.signedInUser({ roles: ['auditor'], areaCode: COUNTY });
  const res = await t
    .api()
    .put(`/users/${u.userId}`)
    .set(bearer(t.admin.accessToken))
    .send({ status: 'disabled' });
  expect(res.status).toBe(200);
  await expectRefused(u.accessToken, 'AUTH_TOKEN_REVOKED');
  const again = await t
    .api()
    .post('/auth/login')
    .send({ username: u.username, password: u.password });
  expect(again.body.code).toBe('AUTH_ACCOUNT_DISABLED');
});

test('a background job acts as the user who started it, and not for a user since disabled', async () => {
  const u = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  const { caller, principal } = await t.gateway.jobCaller({ userId: u.userId }, 'job-1');
  const token = caller.authorization.replace(/^Bearer /, '');
  expect(principal).toMatchObject({ userId: u.userId, areaCode: COUNTY });
  t.secrets.add(token);
  expect(decodeJwt(token)).toMatchObject({ sub: u.userId, sid: 'job:job-1' });
  for (const target of targets()) {
    const res = await request(target.url).get(PROBE_PATH[target.name]!).set(bearer(token));
    expect({ service: target.name, status: res.status }).toEqual({
      service: target.name,
      status: 200,
    });
  }
  const off = await t
    .api()
    .put(`/users/${u.userId}`)
    .set(bearer(t.admin.accessToken))
    .send({ status: 'disabled' });
  expect(off.status).toBe(200);
  await expect(t.gateway.jobCaller({ userId: u.userId }, 'job-2')).rejects.toMatchObject({
    status: 403,
    code: 'JOB_USER_INACTIVE',
  });
  await expect(t.gateway.jobCaller({ userId: 'no-such-user' }, 'job-3')).rejects.toMatchObject({
    code: 'JOB_USER_INACTIVE',
  });
});
