import { createTestIssuer } from '@fupin/testing';
import request from 'supertest';
import { createLogger, createServiceApp, createTokenVerifier, handle } from '../src';

// A text/plain body sent to a JSON endpoint was answered 400 VALIDATION_FAILED: the media type
// each operation takes is in the service's OpenAPI document, so the app answers 415 from it.

const doc = {
  openapi: '3.1.0',
  paths: {
    '/things': { post: { requestBody: { content: { 'application/json': {} } } } },
    '/things/{id}/photo': {
      put: { requestBody: { $ref: '#/components/requestBodies/Photo' } },
    },
  },
  components: { requestBodies: { Photo: { content: { 'image/*': {} } } } },
};

let app: ReturnType<typeof createServiceApp>;
let token: string;

beforeAll(async () => {
  const issuer = await createTestIssuer();
  token = await issuer.sign({ area: '431121000000', rights: { things: ['write'] } });
  app = createServiceApp({
    name: 'kit-test',
    logger: createLogger({ name: 'kit-test', level: 'silent' }),
    readiness: [],
    publicDocs: { '/openapi.json': doc },
    verifier: await createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      publicKeyPem: issuer.publicKeyPem,
    }),
    routes: (r) => {
      r.post(
        '/things',
        handle(async (req, res) => {
          res.status(201).json(req.body);
        }),
      );
      r.put(
        '/things/:id/photo',
        handle(async (req, res) => {
          res.status(204).end();
          req.resume();
        }),
      );
    },
  });
});

const as = { authorization: () => `Bearer ${token}` };

test('text/plain to a JSON operation is 415 problem+json naming the type it takes', async () => {
  const res = await request(app)
    .post('/things')
    .set('authorization', as.authorization())
    .set('content-type', 'text/plain')
    .send('{"name":"x"}');
  expect(res.status).toBe(415);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  expect(res.body.message.en).toContain('application/json');
  expect(res.body.message['zh-CN']).toContain('text/plain');
});

test('JSON with a charset passes; an upload is left to its handler, which looks at the bytes', async () => {
  const json = await request(app)
    .post('/things')
    .set('authorization', as.authorization())
    .set('content-type', 'application/json; charset=utf-8')
    .send('{"name":"x"}');
  expect(json.status).toBe(201);
  expect(json.body).toEqual({ name: 'x' });
  const photo = await request(app)
    .put('/things/T1/photo')
    .set('authorization', as.authorization())
    .set('content-type', 'image/png')
    .send(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(photo.status).toBe(204);
  const other = await request(app)
    .put('/things/T1/photo')
    .set('authorization', as.authorization())
    .set('content-type', 'application/octet-stream')
    .send(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(other.status).toBe(204);
});
