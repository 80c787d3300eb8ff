import type { Envelope, FindingSnapshot } from '@fupin/contracts';
import request from 'supertest';
import { actOn, type ActionDeps } from '../src/findings/finding.actions';
import {
  idNumber,
  startRegistry,
  testClock,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// Issue 19, registry integrity: the rule the import holds its rows to — exactly one 户主 — holds
// through the API too. Registration with no head or two is refused (422, the field named), a
// second head cannot be added nor made, the only head cannot be changed away or removed by hand
// (户主变更 first, in one request), while a verified death removes the head all the same and
// leaves the household 户主待变更 until a head is designated.

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

interface Problem {
  code: string;
  errors: { field: string; code: string; message: { 'zh-CN': string; en: string } }[];
}
interface HouseholdBody {
  id: string;
  revision: number;
  headPending: boolean;
  headName: string;
  members: { id: string; relation: string; status: string }[];
}

const person = (n: number, relation: string) => ({
  name: `成员${n}`,
  idNumber: idNumber('1980-06-06', 500 + n, 'male'),
  relation,
});

const load = async (id: string) =>
  (await request(t.app).get(`/households/${id}`).set(as(t.tokens.townshipA))).body as HouseholdBody;

test('registration with two heads names the second head and the first; with none it names the members', async () => {
  const two = await request(t.app)
    .post('/households')
    .set(as(t.tokens.townshipA))
    .send({
      householdNo: 'HEAD-0001',
      areaCode: VILLAGE_A1,
      members: [person(1, 'head'), person(2, 'spouse'), person(3, 'head')],
    });
  expect(two.status).toBe(422);
  expect(two.headers['content-type']).toContain('application/problem+json');
  const second = (two.body as Problem).errors.find((e) => e.code === 'second_head')!;
  expect(second.field).toBe('members.2.relation');
  expect(second.message['zh-CN']).toContain('第 1 名成员（members.0）已是户主');
  expect(second.message.en).toContain('members.0');

  const none = await request(t.app)
    .post('/households')
    .set(as(t.tokens.townshipA))
    .send({
      householdNo: 'HEAD-0002',
      areaCode: VILLAGE_A1,
      members: [person(4, 'spouse'), person(5, 'son')],
    });
  expect(none.status).toBe(422);
  expect((none.body as Problem).errors).toEqual([
    expect.objectContaining({ field: 'members', code: 'no_head' }),
  ]);
  expect(await t.registry.models.households.countDocuments({ householdNo: /^HEAD-/ })).toBe(0);
});

test('a second head is refused when added or made; the only head cannot be changed away or removed by hand', async () => {
  const h = await registerHousehold(t);
  const before = await load(h.id);
  const [head, , son] = before.members;

  const added = await request(t.app)
    .post(`/households/${h.id}/members`)
    .set(as(t.tokens.townshipA))
    .send(person(6, 'head'));
  expect(added.status).toBe(422);
  expect((added.body as Problem).code).toBe('REGISTRY_SECOND_HEAD');
  expect((added.body as Problem).errors[0]).toMatchObject({ field: 'relation' });
  expect((added.body as Problem).errors[0]!.message['zh-CN']).toContain('第 1 名成员');

  const made = await request(t.app)
    .put(`/households/${h.id}/members/${son!.id}`)
    .set(as(t.tokens.townshipA))
    .send({ relation: 'head' });
  expect(made.status).toBe(422);
  expect((made.body as Problem).code).toBe('REGISTRY_SECOND_HEAD');

  const away = await request(t.app)
    .put(`/households/${h.id}/members/${head!.id}`)
    .set(as(t.tokens.townshipA))
    .send({ relation: 'parent' });
  expect(away.status).toBe(422);
  expect((away.body as Problem).code).toBe('REGISTRY_HEAD_REQUIRED');
  expect((away.body as Problem).errors[0]!.message['zh-CN']).toContain('户主变更');

  const removed = await request(t.app)
    .post(`/households/${h.id}/members/${head!.id}/remove`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '迁出' });
  expect(removed.status).toBe(422);
  expect((removed.body as Problem).errors[0]).toMatchObject({
    field: 'memberId',
    code: 'head_required',
  });

  // Nothing was written by any refusal.
  expect((await load(h.id)).revision).toBe(before.revision);
});

test('户主变更 makes another member head and gives the former head its relation in one write', async () => {
  const h = await registerHousehold(t);
  const before = await load(h.id);
  const [head, spouse] = before.members;
  const missing = await request(t.app)
    .post(`/households/${h.id}/head`)
    .set(as(t.tokens.townshipA))
    .send({ memberId: spouse!.id, reason: '原户主外出务工' });
  expect(missing.status).toBe(422);
  expect((missing.body as Problem).errors[0]!.field).toBe('formerHeadRelation');

  const changed = await request(t.app)
    .post(`/households/${h.id}/head`)
    .set(as(t.tokens.townshipA))
    .send({ memberId: spouse!.id, formerHeadRelation: 'spouse', reason: '原户主外出务工' });
  expect(changed.status).toBe(200);
  const after = changed.body as HouseholdBody;
  expect(after.revision).toBe(before.revision + 1);
  expect(after.members.find((m) => m.id === spouse!.id)!.relation).toBe('head');
  expect(after.members.find((m) => m.id === head!.id)!.relation).toBe('spouse');
  expect(after.headPending).toBe(false);
  const history = (await t.registry.models.households.findById(h.id).lean())!.history;
  expect(history.at(-1)).toMatchObject({ action: 'head_changed', reason: '原户主外出务工' });

  // Now the former head may leave.
  const left = await request(t.app)
    .post(`/households/${h.id}/members/${head!.id}/remove`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '迁出' });
  expect(left.status).toBe(200);
});

test('a verified death removes the head all the same and the household shows 户主待变更 until a head is designated', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const [head, spouse] = (await load(h.id)).members;
  const finding = {
    id: 'finding-head-died',
    rule: 'DECEASED_IN_REGISTRY',
    householdId: h.id,
    memberId: head!.id,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
  } as FindingSnapshot;
  const deps = { households: t.registry.services.households } as ActionDeps;
  const event = { occurredAt: '2026-03-02T02:00:00.000Z' } as Envelope;
  expect(await actOn(deps, finding, event)).toMatchObject({ outcome: 'member_removed' });

  const after = await load(h.id);
  expect(after.members.find((m) => m.id === head!.id)!.status).toBe('removed');
  expect(after.headPending).toBe(true);

  const designated = await request(t.app)
    .post(`/households/${h.id}/head`)
    .set(as(t.tokens.townshipA))
    .send({ memberId: spouse!.id, reason: '原户主死亡' });
  expect(designated.status).toBe(200);
  expect((designated.body as HouseholdBody).headPending).toBe(false);
});
