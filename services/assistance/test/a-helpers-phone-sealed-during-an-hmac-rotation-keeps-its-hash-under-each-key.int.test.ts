import { personalDataCipherOf } from '@fupin/kit';
import { hmacRotation } from '@fupin/testing';
import request from 'supertest';
import { helperModel } from '../src/helpers/helper.model';
import { as, startAssistance, type TestAssistance, TOWNSHIP_A } from './fixtures/assistance';

// 密钥轮换 of the HMAC key: the service holds k2 (current) and k1 (previous). No lookup reads
// a helper by the phone's hash; what matters is that the stored value keeps the window's hashes,
// so the reseal has nothing to make again and a view built from them finds it under either key.
const keys = hmacRotation();

let t: TestAssistance;
beforeAll(async () => {
  t = await startAssistance({
    consume: false,
    env: keys.env('k2', ['k1']),
  });
});
afterAll(async () => {
  await t.close();
});

test("a helper's phone, registered and changed during the window, is stored with its hash under each key held", async () => {
  const cipher = personalDataCipherOf(t.config);
  const underK1 = keys.cipher('k1');
  const created = await request(t.app).post('/helpers').set(as(t.tokens.county)).send({
    name: '贺帮',
    unit: '县农业局',
    rank: 'general',
    areaCode: TOWNSHIP_A,
    phone: '13800001111',
  });
  expect(created.status).toBe(201);
  const stored = async () =>
    (await helperModel(t.rt.conn).findById(created.body.id).lean())!.phone!;
  let phone = await stored();
  expect(phone.hash).toBe(cipher.hash('13800001111'));
  expect(phone.hashes).toEqual([cipher.hash('13800001111'), underK1.hash('13800001111')]);
  expect(cipher.rehashed(phone)).toBeNull();

  const changed = await request(t.app)
    .put(`/helpers/${created.body.id}`)
    .set(as(t.tokens.county))
    .send({ phone: '13900002222', revision: created.body.revision });
  expect(changed.status).toBe(200);
  phone = await stored();
  expect(phone.hashes).toEqual([cipher.hash('13900002222'), underK1.hash('13900002222')]);
  expect(cipher.rehashed(phone)).toBeNull();
});
