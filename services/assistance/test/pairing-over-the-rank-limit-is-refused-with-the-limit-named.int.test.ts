import request from 'supertest';
import {
  as,
  COUNTY,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/assistance';

let t: TestAssistance;
const households: string[] = [];

beforeAll(async () => {
  t = await startAssistance({ consume: false });
  for (let i = 0; i < 12; i++) households.push(await seedHousehold(t, `LIM-${i}`, VILLAGE_A1));
});
afterAll(async () => {
  await t.close();
});

const pair = (
  helperId: string,
  householdId: string,
  role: 'key' | 'contact',
  token = t.tokens.county,
) => request(t.app).post('/pairings').set(as(token)).send({ helperId, householdId, role });

test('a department-level cadre takes 4 key households and 3 contacts; the next is refused naming the limit', async () => {
  const helper = await createHelper(t, t.tokens.county, {
    name: '厅级甲',
    rank: 'department_level',
    areaCode: COUNTY,
  });
  for (const h of households.slice(0, 4)) expect((await pair(helper, h, 'key')).status).toBe(201);
  const fifth = await pair(helper, households[4]!, 'key');
  expect(fifth.status).toBe(422);
  expect(fifth.body).toMatchObject({
    code: 'ASSISTANCE_PAIRING_LIMIT_REACHED',
    errors: [{ field: 'role', code: 'limit_reached' }],
  });
  expect(fifth.body.message['zh-CN']).toBe('厅级干部最多重点帮扶4户，厅级甲已重点帮扶4户');
  expect(fifth.body.message.en).toContain('at most 4 households');

  for (const h of households.slice(4, 7))
    expect((await pair(helper, h, 'contact')).status).toBe(201);
  const fourthContact = await pair(helper, households[7]!, 'contact');
  expect(fourthContact.status).toBe(422);
  expect(fourthContact.body.message['zh-CN']).toContain('最多联系3户');

  const stored = await request(t.app).get(`/helpers/${helper}`).set(as(t.tokens.county));
  expect(stored.body.load).toEqual({ key: 4, contact: 3 });
  // Nothing of the refused pairings was stored.
  expect(await t.assistance.models.pairings.countDocuments({ helperId: helper })).toBe(7);
});

test('a division-level cadre takes 3 key households and 4 contacts', async () => {
  const helper = await createHelper(t, t.tokens.county, { name: '处级乙', rank: 'division_level' });
  for (const h of households.slice(0, 3))
    expect((await pair(helper, h, 'contact')).status).toBe(201);
  expect((await pair(helper, households[3]!, 'contact')).status).toBe(201);
  const fifth = await pair(helper, households[4]!, 'contact');
  expect(fifth.body.message['zh-CN']).toBe('处级干部最多联系4户，处级乙已联系4户');
  // Key pairings: households 0–7 already have the department-level cadre's key pairing or not.
  for (const h of households.slice(8, 11)) expect((await pair(helper, h, 'key')).status).toBe(201);
  const fourthKey = await pair(helper, households[11]!, 'key');
  expect(fourthKey.status).toBe(422);
  expect(fourthKey.body.message['zh-CN']).toContain('最多重点帮扶3户');
});

test('pairings made at the same moment never pass the limit', async () => {
  const helper = await createHelper(t, t.tokens.county, {
    name: '厅级丙',
    rank: 'department_level',
  });
  const results = await Promise.all(households.slice(0, 8).map((h) => pair(helper, h, 'contact')));
  expect(results.filter((r) => r.status === 201)).toHaveLength(3);
  expect(results.filter((r) => r.status === 422)).toHaveLength(5);
  expect(
    await t.assistance.models.pairings.countDocuments({ helperId: helper, status: 'active' }),
  ).toBe(3);
});

test('a household has one key helper; ending a pairing frees the place and keeps the history', async () => {
  const first = await createHelper(t, t.tokens.county, { name: '科级丁', rank: 'section_level' });
  const second = await createHelper(t, t.tokens.county, { name: '科级戊', rank: 'section_level' });
  const h = await seedHousehold(t, 'ONE-KEY', VILLAGE_A1);
  const created = await pair(first, h, 'key');
  expect(created.status).toBe(201);
  const again = await pair(first, h, 'contact');
  expect({ status: again.status, code: again.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_PAIRING_EXISTS',
  });
  const other = await pair(second, h, 'key');
  expect({ status: other.status, code: other.body.code }).toEqual({
    status: 409,
    code: 'ASSISTANCE_HOUSEHOLD_HAS_KEY_HELPER',
  });
  expect(other.body.message['zh-CN']).toContain('科级丁');

  const ended = await request(t.app)
    .post(`/pairings/${created.body.id}/end`)
    .set(as(t.tokens.county))
    .send({ reason: '干部调动', revision: 1 });
  expect(ended.status).toBe(200);
  expect(ended.body).toMatchObject({ status: 'ended', endReason: '干部调动', revision: 2 });
  expect((await pair(second, h, 'key')).status).toBe(201);
  const history = await request(t.app)
    .get('/pairings')
    .query({
      filter: JSON.stringify({ householdId: h }),
      sort: JSON.stringify(['createdAt', 'ASC']),
    })
    .set(as(t.tokens.county));
  expect(
    history.body.map((p: { helperName: string; status: string }) => [p.helperName, p.status]),
  ).toEqual([
    ['科级丁', 'ended'],
    ['科级戊', 'active'],
  ]);
  expect(history.headers['content-range']).toBe('pairings 0-1/2');
});

test('the limits are reference data the county changes; a township cannot', async () => {
  const limits = await request(t.app).get('/pairing-limits').set(as(t.tokens.county));
  expect(limits.body.find((l: { rank: string }) => l.rank === 'department_level')).toMatchObject({
    key: 4,
    contact: 3,
    isDefault: true,
  });
  const townshipApprover = await t.issuer.sign({
    area: TOWNSHIP_A,
    rights: { assistance: ['read', 'write', 'approve'] },
  });
  const refused = await request(t.app)
    .put('/pairing-limits/general')
    .set(as(townshipApprover))
    .send({ key: 1, contact: 1 });
  expect({ status: refused.status, code: refused.body.code }).toEqual({
    status: 403,
    code: 'ASSISTANCE_LIMITS_COUNTY_ONLY',
  });
  const set = await request(t.app)
    .put('/pairing-limits/general')
    .set(as(t.tokens.county))
    .send({ key: 1, contact: null });
  expect(set.body).toMatchObject({
    rank: 'general',
    key: 1,
    contact: null,
    isDefault: false,
    revision: 1,
  });

  const helper = await createHelper(t, t.tokens.county, { name: '一般己', rank: 'general' });
  const h1 = await seedHousehold(t, 'GEN-1', VILLAGE_A1);
  const h2 = await seedHousehold(t, 'GEN-2', VILLAGE_A1);
  expect((await pair(helper, h1, 'key')).status).toBe(201);
  const refusedKey = await pair(helper, h2, 'key');
  expect(refusedKey.body.message['zh-CN']).toBe('一般干部最多重点帮扶1户，一般己已重点帮扶1户');
});
