import request from 'supertest';
import { as } from './fixtures/import-files';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_A2,
} from './fixtures/registry';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
});
afterAll(async () => {
  await t.close();
});

function household(no: string, village: string, ids: string[]) {
  return {
    householdNo: no,
    areaCode: village,
    members: ids.map((id, i) => ({
      name: `成员${no}-${i}`,
      idNumber: id,
      relation: i === 0 ? 'head' : 'son',
    })),
  };
}

const register = (body: object) =>
  request(t.app).post('/households').set(as(t.tokens.county)).send(body);

test('a claim of a registration still under way elsewhere is refused, not taken over', async () => {
  const person = idNumber('1971-05-05', 31, 'male');
  const other = idNumber('1995-02-02', 32, 'male');
  const hash = t.registry.cipher.hash(person);
  // Another writer has claimed the person and is about to store its household.
  await t.registry.models.claims.create({
    _id: hash,
    householdId: 'household-being-written',
    memberId: 'm-1',
    at: new Date(),
  });

  const res = await register(household('RACE-1', VILLAGE_A1, [other, person]));

  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_ID_NUMBER_BEING_REGISTERED',
  });
  expect(res.body.message['zh-CN']).toContain('4311**********');
  expect(res.body.message['zh-CN']).not.toContain(person);
  expect(await t.registry.models.claims.findById(hash).lean()).toMatchObject({
    householdId: 'household-being-written',
  });
  // Nothing half written: no household, and the other member's claim is released.
  expect(await t.registry.models.households.countDocuments({ householdNo: 'RACE-1' })).toBe(0);
  expect(await t.registry.models.claims.findById(t.registry.cipher.hash(other)).lean()).toBeNull();
});

test('a claim left behind by an interrupted write long ago is taken over', async () => {
  const person = idNumber('1972-06-06', 33, 'male');
  const hash = t.registry.cipher.hash(person);
  await t.registry.models.claims.create({
    _id: hash,
    householdId: 'household-never-written',
    memberId: 'm-2',
    at: new Date(Date.now() - 3600_000),
  });

  const res = await register(household('RACE-2', VILLAGE_A1, [person]));

  expect(res.status).toBe(201);
  expect(await t.registry.models.claims.findById(hash).lean()).toMatchObject({
    householdId: res.body.id,
  });
});

test('two households registering the same person at the same moment: one gets the person, the other is refused', async () => {
  const pairs = Array.from({ length: 8 }, (_, k) => ({
    shared: idNumber('1980-01-01', 40 + k, 'female'),
    a: idNumber('1950-03-03', 50 + k, 'male'),
    b: idNumber('1951-04-04', 60 + k, 'male'),
  }));

  const answers = await Promise.all(
    pairs.flatMap((p, k) => [
      register(household(`DUO-${k}-A`, VILLAGE_A1, [p.a, p.shared])),
      register(household(`DUO-${k}-B`, VILLAGE_A2, [p.b, p.shared])),
    ]),
  );

  for (const [k, p] of pairs.entries()) {
    const [a, b] = [answers[2 * k]!, answers[2 * k + 1]!];
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect([
      'REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD',
      'REGISTRY_ID_NUMBER_BEING_REGISTERED',
    ]).toContain(refused.body.code);
    const hash = t.registry.cipher.hash(p.shared);
    const holders = await t.registry.models.households
      .find({ memberIdHashes: hash }, { householdNo: 1 })
      .lean();
    expect(holders).toHaveLength(1);
    expect(await t.registry.models.claims.findById(hash).lean()).toMatchObject({
      householdId: holders[0]!._id,
    });
  }
});
