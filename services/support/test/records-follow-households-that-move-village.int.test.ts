import { createEvent, HouseholdUpdated, SYSTEM_ACTOR } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  enrollAtSchool,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_A2,
} from './fixtures/support';

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

test('two households moved to another village in one batch take their students and enrollments along', async () => {
  const a = t.household(VILLAGE_A1, [{ name: '邹一', birthDate: '2011-05-05' }]);
  const b = t.household(VILLAGE_A1, [{ name: '邹二', birthDate: '2010-06-06' }]);
  const stays = t.household(VILLAGE_A1, [{ name: '邹三', birthDate: '2012-07-07' }]);
  await t.seed([a, b, stays]);
  await enrollAtSchool(
    t,
    [a, b, stays].map((h) => h.members[0]!),
  );

  await t.publish(
    [a, b].map((h) =>
      createEvent(HouseholdUpdated, {
        aggregateId: h.id,
        areaCode: VILLAGE_A2,
        actor: SYSTEM_ACTOR,
        payload: {
          household: { ...h.snapshot, areaCode: VILLAGE_A2, revision: 2 },
          changed: ['areaCode'],
        },
      }),
    ),
  );
  const placed = async (householdId: string) =>
    [
      ...(await t.support.models.students.find({ householdId }).lean()),
      ...(await t.support.models.enrollments.find({ householdId }).lean()),
    ].map((r) => [r.areaCode, r.townshipCode]);
  await eventually(
    async () => {
      expect(await placed(a.id)).toEqual(Array(2).fill([VILLAGE_A2, TOWNSHIP_A]));
      expect(await placed(b.id)).toEqual(Array(2).fill([VILLAGE_A2, TOWNSHIP_A]));
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  expect(await placed(stays.id)).toEqual(Array(2).fill([VILLAGE_A1, TOWNSHIP_A]));
});
