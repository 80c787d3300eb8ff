import { hmacRotation } from '@fupin/testing';
import {
  householdsByMemberHash,
  memberMatches,
  projectedHouseholdModel,
  type ProjectedHouseholdModel,
  RegistryProjection,
} from '../src';
import { kitContext } from './fixtures/context';
import { added, household, member, registered } from './fixtures/registry-events';

// 密钥轮换 of the HMAC key: k1 is the old key, k2 the new one; `window` is a service holding
// both (k2 current, k1 still held).
const keys = hmacRotation();
const onlyK1 = keys.cipher('k1');
const onlyK2 = keys.cipher('k2');
const window = keys.cipher('k2', ['k1']);

let ctx: Awaited<ReturnType<typeof kitContext>>;
let model: ProjectedHouseholdModel;
let projection: RegistryProjection;

beforeAll(async () => {
  ctx = await kitContext();
  model = projectedHouseholdModel(ctx.conn);
  await model.createCollection();
  await model.createIndexes();
  projection = new RegistryProjection({ model, logger: ctx.logger });
});
afterAll(async () => {
  await ctx.close();
});

const OLD_ID = '431121197001010011';
const NEW_ID = '431121198002020022';

test('a member sent before the rotation (k1) and one sent during it (k2 with idHashes) are both found by a service holding k2 and k1, and a member event without idHashes drops them', async () => {
  await projection.apply(registered(household('h-old', 1)));
  await projection.apply(registered(household('h-new', 1)));
  // Sent before the rotation: the hash under k1 only.
  await projection.apply(
    added(member('m-old', 'h-old', { idHash: onlyK1.hash(OLD_ID) }), '2024-01-02T00:00:00Z'),
  );
  // Sent by a registry in the window: idHash under k2, idHashes under k2 and k1.
  const during = member('m-new', 'h-new', {
    idHash: window.hash(NEW_ID),
    idHashes: window.hashes(NEW_ID),
  });
  await projection.apply(added(during, '2024-01-02T00:00:00Z'));
  const stored = await model.findById('h-new').lean();
  expect(stored?.members[0]?.idHashes).toEqual([onlyK2.hash(NEW_ID), onlyK1.hash(NEW_ID)]);

  const ids = async (hashes: string[]) =>
    (await householdsByMemberHash(model, hashes, { members: 1 })).map((h) => h._id).sort();
  // The service in the window asks under both keys and finds each, whichever key it was under.
  expect(await ids(window.hashes(OLD_ID))).toEqual(['h-old']);
  expect(await ids(window.hashes(NEW_ID))).toEqual(['h-new']);
  // A service not rotated yet (k1 only) still finds the member the registry sent under k2.
  expect(await ids(onlyK1.hashes(NEW_ID))).toEqual(['h-new']);
  // A service that dropped k1 before the registry re-sent the old member misses it (the reseal
  // re-sends it under k2): the lookup is exactly by the keys held.
  expect(await ids(onlyK2.hashes(OLD_ID))).toEqual([]);
  const h = (await householdsByMemberHash(model, onlyK1.hashes(NEW_ID)))[0]!;
  expect(memberMatches(h.members[0]!, new Set(onlyK1.hashes(NEW_ID)))).toBe(true);
  expect(memberMatches(h.members[0]!, new Set(onlyK2.hashes(OLD_ID)))).toBe(false);

  // After the window the registry sends the member without idHashes: the old key's hash goes.
  const after = member('m-new', 'h-new', { idHash: onlyK2.hash(NEW_ID), name: '李四' });
  expect(await projection.apply(added(after, '2024-02-01T00:00:00Z'))).toBe(true);
  const dropped = await model.findById('h-new').lean();
  expect(dropped?.members[0]).not.toHaveProperty('idHashes');
  expect(await ids(onlyK1.hashes(NEW_ID))).toEqual([]);
  expect(await ids(window.hashes(NEW_ID))).toEqual(['h-new']);
});

test('both reads of a lookup by member hash go through an index', async () => {
  for (const field of ['members.idHash', 'members.idHashes']) {
    const plan = (await model
      .find({ [field]: { $in: window.hashes(OLD_ID) } })
      .explain('queryPlanner')) as unknown as { queryPlanner: { winningPlan: unknown } };
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('IXSCAN');
  }
});
