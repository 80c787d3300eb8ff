import type { Model } from 'mongoose';
import {
  type Principal,
  type ProjectedHousehold,
  registeredHouseholdInScope,
  scopedRepository,
} from '../src';

const TOWNSHIP_A = '431121101000';
const VILLAGE_A1 = '431121101201';
const VILLAGE_B1 = '431121102201';

const user = (areaCode: string): Principal => ({
  userId: 'u',
  username: 'u',
  roles: [],
  areaCode,
  rights: {},
});

/** A view of the registry holding one document, recording the filters it is read with. */
function viewOf(doc: Partial<ProjectedHousehold> | null) {
  const reads: { filter: unknown; projection: unknown }[] = [];
  const model = {
    findOne: (filter: unknown, projection: unknown) => {
      reads.push({ filter, projection });
      const q = { sort: () => q, lean: () => q, exec: async () => doc };
      return q;
    },
  };
  return { repo: scopedRepository<ProjectedHousehold>(model as unknown as Model<unknown>), reads };
}

test('a household in the scope is read by its id alone, with the projection asked for', async () => {
  const { repo, reads } = viewOf({ _id: 'h1', areaCode: VILLAGE_A1, revision: 3 });
  const h = await registeredHouseholdInScope(repo, user(TOWNSHIP_A), 'h1', { members: 0 });
  expect(h).toMatchObject({ _id: 'h1' });
  expect(reads).toEqual([{ filter: { _id: 'h1' }, projection: { members: 0 } }]);
});

test('one outside the scope, an unknown one and members without their household are alike null', async () => {
  const p = user(TOWNSHIP_A);
  const outside = viewOf({ _id: 'h2', areaCode: VILLAGE_B1, revision: 1 });
  const unknown = viewOf(null);
  const membersOnly = viewOf({ _id: 'h3', areaCode: VILLAGE_A1, revision: 0 });
  expect(await registeredHouseholdInScope(outside.repo, p, 'h2')).toBeNull();
  expect(await registeredHouseholdInScope(unknown.repo, p, 'h9')).toBeNull();
  expect(await registeredHouseholdInScope(membersOnly.repo, p, 'h3')).toBeNull();
});
