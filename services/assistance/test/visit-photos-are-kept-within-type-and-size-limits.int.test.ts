import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
} from './fixtures/assistance';

let t: TestAssistance;
let visitId = '';

// The first bytes of each format, padded: the service checks a photo's own bytes, not its name.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(2000, 7),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]);

beforeAll(async () => {
  t = await startAssistance({ consume: false, env: { PHOTO_MAX_BYTES: String(64 * 1024) } });
  const household = await seedHousehold(t, 'PH-1', VILLAGE_A1);
  const helper = await createHelper(t, t.tokens.county, { name: '拍照甲', rank: 'general' });
  const visit = await request(t.app)
    .post('/visits')
    .set(as(t.tokens.county))
    .send({ householdId: household, helperId: helper, date: '2020-05-01', findings: '房屋漏雨' });
  visitId = visit.body.id;
});
afterAll(async () => {
  await t.close();
});

const upload = (body: Buffer, type: string, token = t.tokens.townshipA) =>
  request(t.app)
    .post(`/visits/${visitId}/photos`)
    .query({ fileName: '漏雨.png' })
    .set(as(token))
    .set('content-type', type)
    .send(body);

test('a photo is stored with the visit and read back byte for byte', async () => {
  const res = await upload(PNG, 'image/png');
  expect(res.status).toBe(201);
  expect(res.body.photos).toEqual([
    expect.objectContaining({ contentType: 'image/png', bytes: PNG.length, name: '漏雨.png' }),
  ]);
  const url = res.body.photos[0].url as string;
  const back = await request(t.app)
    .get(url)
    .set(as(t.tokens.townshipA))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(back.status).toBe(200);
  expect(back.headers['content-type']).toBe('image/png');
  expect(Buffer.compare(back.body as Buffer, PNG)).toBe(0);
  // Another township cannot fetch it.
  expect((await request(t.app).get(url).set(as(t.tokens.townshipB))).status).toBe(404);
});

test('a file that is not the image it claims to be is refused with 415', async () => {
  const fake = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
  expect({ status: fake.status, code: fake.body.code }).toEqual({
    status: 415,
    code: 'ASSISTANCE_PHOTO_TYPE',
  });
  const gif = await upload(Buffer.from('GIF89a....'), 'image/gif');
  expect(gif.status).toBe(415);
  const mismatched = await upload(JPEG, 'image/png');
  expect(mismatched.status).toBe(415);
});

test('a photo over the size limit is refused with 413 naming the limit', async () => {
  const big = Buffer.concat([JPEG, Buffer.alloc(70 * 1024, 1)]);
  const res = await upload(big, 'image/jpeg');
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 413,
    code: 'ASSISTANCE_PHOTO_TOO_LARGE',
  });
  expect(res.body.message['zh-CN']).toBe('照片不能超过 64 KB');
  expect(res.body.maxBytes).toBe(64 * 1024);
});

test('a visit keeps at most 9 photos, even when they arrive at once', async () => {
  const results = await Promise.all(Array.from({ length: 10 }, () => upload(JPEG, 'image/jpeg')));
  // One photo is stored already: 8 more fit.
  expect(results.filter((r) => r.status === 201)).toHaveLength(8);
  expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
    Array(2).fill('ASSISTANCE_VISIT_PHOTO_LIMIT'),
  );
  const visit = await request(t.app).get(`/visits/${visitId}`).set(as(t.tokens.county));
  expect(visit.body.photos).toHaveLength(9);
  // No orphan bytes are left behind by refused uploads.
  expect(await t.assistance.models.photos.countDocuments({ visitId })).toBe(9);
});
