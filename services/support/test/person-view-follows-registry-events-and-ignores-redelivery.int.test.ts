import { createEvent, MemberUpdated, SYSTEM_ACTOR } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

test('registry member events make people of the area known, with hashes only and scoped to the area', async () => {
  const a = t.household(VILLAGE_A1, [
    { name: '张建国', birthDate: '1968-04-12' },
    {
      name: '张小花',
      birthDate: '2012-06-01',
      sex: 'female',
      inSchool: true,
      schoolStage: 'primary',
    },
  ]);
  const b = t.household(VILLAGE_B1, [{ name: '李四', birthDate: '1959-01-20' }]);
  await t.seed([a, b]);

  const county = await request(t.app)
    .get('/persons')
    .set(as(t.tokens.county))
    .query({ range: '[0,9]' });
  expect(county.status).toBe(200);
  expect(county.headers['content-range']).toBe('persons 0-2/3');
  expect(county.body.map((p: { name: string }) => p.name).sort()).toEqual([
    '张小花',
    '张建国',
    '李四',
  ]);
  const child = county.body.find((p: { name: string }) => p.name === '张小花');
  expect(child).toMatchObject({
    id: a.members[1]!.id,
    householdId: a.id,
    householdNo: a.snapshot.householdNo,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    registered: true,
    inSchool: true,
    schoolStage: 'primary',
  });
  expect(JSON.stringify(county.body)).not.toContain(a.members[1]!.idNumber);
  expect(child).not.toHaveProperty('idHash');

  const town = await request(t.app).get('/persons').set(as(t.tokens.townshipA));
  expect(town.body.map((p: { areaCode: string }) => p.areaCode)).toEqual([VILLAGE_A1, VILLAGE_A1]);
  const other = await request(t.app)
    .get(`/persons/${b.members[0]!.id}`)
    .set(as(t.tokens.townshipA));
  expect(other.status).toBe(403);
});

test('a redelivered member event changes nothing; a later change is applied', async () => {
  const h = t.household(VILLAGE_A1, [{ name: '王五', birthDate: '1980-02-02' }]);
  await t.seed([h]);
  const member = h.members[0]!;
  const before = await t.support.models.persons.findById(member.id).lean();

  // The same events again (a redelivery: same ids), the same facts under a new event id,
  // then a real change, all keyed by the household (one partition, consumed in order).
  expect(await t.support.projection.apply(h.events[1]!)).toBe(false);
  const { idNumber: _n, ...snapshot } = member;
  const sameFacts = createEvent(MemberUpdated, {
    aggregateId: h.id,
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    payload: { member: snapshot, areaCode: VILLAGE_A1, changed: ['name'] },
  });
  const renamed = createEvent(MemberUpdated, {
    aggregateId: h.id,
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    occurredAt: new Date(Date.now() + 1000),
    payload: { member: { ...snapshot, name: '王五一' }, areaCode: VILLAGE_A1, changed: ['name'] },
  });
  await t.publish([...h.events, sameFacts, renamed]);
  await eventually(async () => {
    const after = await t.support.models.persons.findById(member.id).lean();
    expect(after?.name).toBe('王五一');
  });
  const after = await t.support.models.persons.findById(member.id).lean();
  // Only the rename changed the person: the repeats before it changed nothing.
  expect(after!.householdSeq).toBe(before!.householdSeq + 1);
  const { name: _a, householdSeq: _b, syncedAt: _c, ...rest } = after!;
  const { name: _d, householdSeq: _e, syncedAt: _f, ...restBefore } = before!;
  expect(rest).toEqual(restBefore);
  expect(await t.support.models.persons.countDocuments({ householdId: h.id })).toBe(1);
});

test('a member removed from the household, or a household cancelled, is no longer on the register', async () => {
  const h = t.household(VILLAGE_A1, [
    { name: '孙七', birthDate: '1970-01-01' },
    { name: '孙八', birthDate: '2010-01-01' },
  ]);
  await t.seed([h]);
  const { idNumber: _n, ...m } = h.members[1]!;
  const { MemberRemoved, HouseholdStatusChanged } = await import('@fupin/contracts');
  await t.publish([
    createEvent(MemberRemoved, {
      aggregateId: h.id,
      areaCode: VILLAGE_A1,
      actor: SYSTEM_ACTOR,
      payload: { member: { ...m, status: 'removed' }, areaCode: VILLAGE_A1, reason: '迁出' },
    }),
  ]);
  await eventually(async () => {
    const p = await request(t.app).get(`/persons/${m.id}`).set(as(t.tokens.county));
    expect(p.body).toMatchObject({ memberStatus: 'removed', registered: false });
  });
  await t.publish([
    createEvent(HouseholdStatusChanged, {
      aggregateId: h.id,
      areaCode: VILLAGE_A1,
      actor: SYSTEM_ACTOR,
      payload: {
        household: { ...h.snapshot, status: 'cancelled', revision: 2 },
        from: 'in_poverty',
        to: 'cancelled',
        reason: '识别不准',
        workflow: 'identification',
      },
    }),
  ]);
  await eventually(async () => {
    const p = await request(t.app).get(`/persons/${h.members[0]!.id}`).set(as(t.tokens.county));
    expect(p.body).toMatchObject({ householdStatus: 'cancelled', registered: false });
  });
});
