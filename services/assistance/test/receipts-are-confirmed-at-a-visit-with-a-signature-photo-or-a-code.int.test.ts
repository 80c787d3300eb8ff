import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
} from './fixtures/assistance';

// A funds row as the ledger names it: the payment and the payee (two ids, 73 characters).
const PAY = `${randomUUID()}:${randomUUID()}`;

let t: TestAssistance;
let household = '';
let visitId = '';
let photoId = '';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 3),
]);

beforeAll(async () => {
  t = await startAssistance({ consume: false });
  household = await seedHousehold(t, 'RC-1', VILLAGE_A1);
  const helper = await createHelper(t, t.tokens.county, { name: '确认甲', rank: 'general' });
  const visit = await request(t.app)
    .post('/visits')
    .set(as(t.tokens.county))
    .send({ householdId: household, helperId: helper, date: '2026-03-01' });
  visitId = visit.body.id;
  const photo = await request(t.app)
    .post(`/visits/${visitId}/photos`)
    .set(as(t.tokens.townshipA))
    .set('content-type', 'image/png')
    .send(PNG);
  photoId = photo.body.photos[0].id;
});
afterAll(async () => {
  await t.close();
});

const confirm = (body: object, token = t.tokens.townshipA, id = visitId) =>
  request(t.app).post(`/visits/${id}/receipts`).set(as(token)).send(body);

test('when a household signs for its payments at a visit, each confirmation is kept with the visit', async () => {
  const res = await confirm({
    signaturePhotoId: photoId,
    items: [
      { source: 'funds', rowId: PAY, amountFen: 100000, result: 'confirmed' },
      { source: 'support', rowId: 'sub-1', amountFen: 0, result: 'not_received', note: '未收到' },
    ],
  });
  expect(res.status).toBe(201);
  expect(res.body).toEqual([
    expect.objectContaining({
      visitId,
      visitDate: '2026-03-01',
      householdId: household,
      householdNo: 'RC-1',
      areaCode: VILLAGE_A1,
      source: 'funds',
      rowId: PAY,
      result: 'confirmed',
      signaturePhotoId: photoId,
      confirmationCode: null,
      recordedBy: 'u-town-a',
    }),
    expect.objectContaining({ source: 'support', result: 'not_received', note: '未收到' }),
  ]);
  const audited = await t.assistance.audit.model.find({ action: 'receipt_confirmation' }).lean();
  expect(audited).toEqual([
    expect.objectContaining({
      actorId: 'u-town-a',
      subjectType: 'household',
      subjectIds: [household],
      after: { visitId, confirmed: 1, notReceived: 1, amountDiffers: 0, evidence: 'photo' },
    }),
  ]);
});

test('when a household gives a confirmation code instead, a second confirmation is kept beside the first', async () => {
  const res = await confirm({
    confirmationCode: 'A7K2',
    items: [{ source: 'funds', rowId: PAY, amountFen: 80000, result: 'amount_differs' }],
  });
  expect(res.status).toBe(201);
  const list = await request(t.app)
    .get('/receipts')
    .query({ filter: JSON.stringify({ householdId: household }) })
    .set(as(t.tokens.townshipA));
  expect(list.status).toBe(200);
  expect(list.headers['content-range']).toBe('receipts 0-2/3');
  const ofPay = (list.body as { rowId: string; result: string }[]).filter((r) => r.rowId === PAY);
  // Newest first: the latest confirmation of the row comes before the earlier one.
  expect(ofPay.map((r) => r.result)).toEqual(['amount_differs', 'confirmed']);
  const ledger = await request(t.app)
    .get('/ledger/receipts')
    .query({ areaCode: VILLAGE_A1 })
    .set(as(t.tokens.county));
  expect(ledger.status).toBe(200);
  expect(ledger.body).toHaveLength(3);
});

test('without a signature photo or a code the confirmation is refused with 422 naming the field', async () => {
  const res = await confirm({
    items: [{ source: 'funds', rowId: 'pay-2', amountFen: 100, result: 'confirmed' }],
  });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('ASSISTANCE_RECEIPT_EVIDENCE');
  expect(res.body.errors).toEqual([
    expect.objectContaining({ field: 'signaturePhotoId', code: 'evidence_required' }),
  ]);
  const foreign = await confirm({
    signaturePhotoId: 'not-a-photo-of-this-visit',
    items: [{ source: 'funds', rowId: 'pay-2', amountFen: 100, result: 'confirmed' }],
  });
  expect(foreign.status).toBe(422);
  expect(foreign.body.errors[0]).toMatchObject({ field: 'signaturePhotoId', code: 'not_of_visit' });
  const shortCode = await confirm({
    confirmationCode: 'A1',
    items: [{ source: 'funds', rowId: 'pay-2', amountFen: 100, result: 'confirmed' }],
  });
  expect(shortCode.status).toBe(400);
});

test('another township neither confirms at the visit nor sees its confirmations', async () => {
  const res = await confirm(
    {
      confirmationCode: 'B7K2',
      items: [{ source: 'funds', rowId: PAY, amountFen: 1, result: 'confirmed' }],
    },
    t.tokens.townshipB,
  );
  expect(res.status).toBe(404);
  const list = await request(t.app).get('/receipts').set(as(t.tokens.townshipB));
  expect(list.body).toEqual([]);
  const ledger = await request(t.app)
    .get('/ledger/receipts')
    .query({ householdId: household })
    .set(as(t.tokens.townshipB));
  expect(ledger.body).toEqual([]);
});
