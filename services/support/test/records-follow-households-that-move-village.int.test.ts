import { createEvent, HouseholdUpdated, SYSTEM_ACTOR } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
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
  const csv = [
    '身份证号,姓名,学校,学段,年级,学籍状态',
    ...[a, b, stays].map(
      (h) => `${h.members[0]!.idNumber},${h.members[0]!.name},漳江小学,小学,3,在读`,
    ),
  ].join('\n');
  const upload = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: '2019-autumn' })
    .set(as(t.tokens.county))
    .set('content-type', 'text/csv')
    .send(Buffer.from(csv, 'utf8'));
  expect(upload.status).toBe(202);
  await eventually(
    async () => expect(await t.support.models.enrollments.countDocuments()).toBe(3),
    { timeoutMs: 30_000, intervalMs: 300 },
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
