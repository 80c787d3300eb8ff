import { createTestIssuer, getInfra, uniqueName } from '@fupin/testing';
import { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { createTokenVerifier, redisRevocationCheck, TokenRevoker } from '../src';

let redis: Redis;
beforeAll(async () => {
  redis = new Redis((await getInfra()).redisUrl);
});
afterAll(async () => {
  redis.disconnect();
});

async function setup() {
  const ns = uniqueName();
  const issuer = await createTestIssuer();
  const verify = await createTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    publicKeyPem: issuer.publicKeyPem,
    isRevoked: redisRevocationCheck(redis, ns),
  });
  return { issuer, verify, revoker: new TokenRevoker(redis, ns, 60) };
}

const claims = { sub: 'u-1', area: '431121000000', rights: { registry: ['read'] } };

test('a token revoked by id is refused; another token of the same user is not', async () => {
  const { issuer, verify, revoker } = await setup();
  const a = await issuer.sign(claims);
  const b = await issuer.sign(claims);
  await revoker.revokeToken(decodeJwt(a).jti!);
  await expect(verify(a)).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_REVOKED' });
  await expect(verify(b)).resolves.toMatchObject({ userId: 'u-1' });
});

test("tokens issued before a user's cut-off are refused, later ones pass", async () => {
  const { issuer, verify, revoker } = await setup();
  const before = await issuer.sign(claims);
  await revoker.revokeUserTokens('u-1', new Date(Date.now() + 1000));
  await expect(verify(before)).rejects.toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
  await expect(verify(await issuer.sign({ ...claims, sub: 'u-2' }))).resolves.toBeTruthy();
});

test('a revoked session refuses every token carrying its sid; entries expire', async () => {
  const ns = uniqueName();
  const check = redisRevocationCheck(redis, ns);
  const revoker = new TokenRevoker(redis, ns, 60);
  await revoker.revokeSession('s-1');
  expect(await check({ sub: 'u', jti: 'j1', sid: 's-1', iat: 1 })).toBe(true);
  expect(await check({ sub: 'u', jti: 'j2', sid: 's-2', iat: 1 })).toBe(false);
  const ttl = await redis.ttl(`${ns}:auth:revoked-session:s-1`);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(60);
});

test('when Redis cannot answer, the check fails closed with 503', async () => {
  const dead = new Redis('redis://127.0.0.1:9', {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  dead.on('error', () => undefined);
  try {
    const check = redisRevocationCheck(dead, uniqueName());
    await expect(check({ sub: 'u', jti: 'j' })).rejects.toMatchObject({
      status: 503,
      code: 'AUTH_REVOCATION_UNAVAILABLE',
    });
  } finally {
    dead.disconnect();
  }
});
