import { createTestIssuer } from '@fupin/testing';
import request from 'supertest';
import { z } from 'zod';
import {
  bi,
  conflict,
  createLogger,
  createServiceApp,
  createTokenVerifier,
  handle,
  parseInput,
  requireRight,
  zmsg,
} from '../src';

const logger = createLogger({ name: 'kit-test', level: 'silent' });
let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
let app: ReturnType<typeof createServiceApp>;

const bodySchema = z.object({
  name: z.string().min(2),
  areaCode: z
    .string()
    .regex(/^\d{12}$/, zmsg('地区代码必须是12位数字', 'area code must be 12 digits')),
  size: z.number().int().positive(),
});

beforeAll(async () => {
  issuer = await createTestIssuer();
  app = createServiceApp({
    name: 'kit-test',
    logger,
    readiness: [],
    verifier: await createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      publicKeyPem: issuer.publicKeyPem,
    }),
    routes: (r) => {
      r.post(
        '/things',
        requireRight('things', 'write'),
        handle(async (req, res) => {
          res.status(201).json(parseInput(bodySchema, req.body));
        }),
      );
      r.get('/conflict', () => {
        throw conflict('THING_TAKEN', bi('已被占用', 'Already taken'), { other: 'H-1' });
      });
      r.get('/boom', () => {
        throw new Error('secret internals 110105194912310021');
      });
    },
  });
});

const writer = () => issuer.sign({ area: '431121000000', rights: { things: ['read', 'write'] } });

test('a request without a token is refused with 401 problem+json in both languages', async () => {
  const res = await request(app).post('/things').send({});
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status: 401,
    code: 'AUTH_REQUIRED',
    message: { 'zh-CN': '需要登录', en: 'Authentication required' },
  });
});

test('a token signed by another key, expired, or for another audience is refused', async () => {
  const other = await createTestIssuer();
  const forged = await other.sign({ area: '431121000000', rights: { things: ['write'] } });
  const expired = await issuer.sign(
    { area: '431121000000', rights: { things: ['write'] } },
    { expiresIn: Math.floor(Date.now() / 1000) - 60 },
  );
  const wrongAudience = await issuer.sign({ area: '431121000000' }, { audience: 'someone-else' });
  const tampered = (await writer()).replace(
    /\.([^.]+)\./,
    (_m, p: string) => `.${p.slice(0, -2)}AA.`,
  );
  for (const [token, code] of [
    [forged, 'AUTH_TOKEN_INVALID'],
    [expired, 'AUTH_TOKEN_EXPIRED'],
    [wrongAudience, 'AUTH_TOKEN_INVALID'],
    [tampered, 'AUTH_TOKEN_INVALID'],
  ] as const) {
    const res = await request(app).post('/things').set('authorization', `Bearer ${token}`).send({});
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code });
  }
});

test('a caller without the right gets 403 naming the module and right', async () => {
  const reader = await issuer.sign({ area: '431121000000', rights: { things: ['read'] } });
  const res = await request(app).post('/things').set('authorization', `Bearer ${reader}`).send({});
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('FORBIDDEN_RIGHT');
  expect(res.body.message['zh-CN']).toContain('things');
});

test('invalid fields are listed one by one with reasons in Chinese and English', async () => {
  const res = await request(app)
    .post('/things')
    .set('authorization', `Bearer ${await writer()}`)
    .send({ name: 'x', areaCode: '4311', size: 'three' });
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  const byField = Object.fromEntries(
    res.body.errors.map((e: { field: string; message: unknown }) => [e.field, e.message]),
  );
  expect(Object.keys(byField).sort()).toEqual(['areaCode', 'name', 'size']);
  expect(byField.areaCode).toEqual({
    'zh-CN': '地区代码必须是12位数字',
    en: 'area code must be 12 digits',
  });
  expect(byField.size['zh-CN']).toMatch(/数字/);
  expect(byField.size.en).toMatch(/expected number, received string/);
});

test('malformed JSON, an unknown route and a conflict are problem+json too', async () => {
  const token = await writer();
  const malformed = await request(app)
    .post('/things')
    .set('authorization', `Bearer ${token}`)
    .set('content-type', 'application/json')
    .send('{"name": ');
  expect({ status: malformed.status, code: malformed.body.code }).toEqual({
    status: 400,
    code: 'MALFORMED_JSON',
  });
  const missing = await request(app).get('/nope').set('authorization', `Bearer ${token}`);
  expect({ status: missing.status, code: missing.body.code }).toEqual({
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  });
  const taken = await request(app).get('/conflict').set('authorization', `Bearer ${token}`);
  expect(taken.status).toBe(409);
  expect(taken.body).toMatchObject({
    code: 'THING_TAKEN',
    other: 'H-1',
    message: { 'zh-CN': '已被占用' },
  });
});

test('an unexpected error answers 500 without leaking its message', async () => {
  const res = await request(app)
    .get('/boom')
    .set('authorization', `Bearer ${await writer()}`);
  expect(res.status).toBe(500);
  expect(res.body.code).toBe('INTERNAL_ERROR');
  expect(JSON.stringify(res.body)).not.toContain('secret internals');
});

test('an oversized body is refused with 413', async () => {
  const res = await request(app)
    .post('/things')
    .set('authorization', `Bearer ${await writer()}`)
    .send({ name: 'x'.repeat(2 * 1024 * 1024), areaCode: '431121000000', size: 1 });
  expect(res.status).toBe(413);
  expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
});
