import { createEvent, MemberUpdated, SYSTEM_ACTOR } from '@fupin/contracts';
import { createHmac, randomBytes } from 'node:crypto';
import { eventually } from '@fupin/testing';
import { enrollAtSchool, startSupport, type TestSupport, VILLAGE_A1 } from './fixtures/support';

// 密钥轮换 (HMAC): after the registry rehashes its members under the new key it tells every view
// (member.updated with the new hash); support's person view takes it, and so do the records
// that copy the hash (students, enrollments …), so no hash under the dropped key stays behind.
// A member whose hash did not change leaves its records alone.

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

const k2 = randomBytes(32);
const underK2 = (id: string) => createHmac('sha256', k2).update(id, 'utf8').digest('hex');

test("a rehashed person's records take the new hash; another's keep theirs", async () => {
  const h = t.household(VILLAGE_A1, [
    { name: '邹一', birthDate: '2011-05-05' },
    { name: '邹二', birthDate: '2012-06-06' },
  ]);
  await t.seed([h]);
  await enrollAtSchool(t, h.members);

  const [first, second] = h.members;
  const { idNumber, ...member } = first!;
  await t.publish([
    createEvent(MemberUpdated, {
      aggregateId: h.id,
      areaCode: VILLAGE_A1,
      actor: SYSTEM_ACTOR,
      payload: {
        member: { ...member, idHash: underK2(idNumber) },
        areaCode: VILLAGE_A1,
        changed: ['idNumber'],
      },
    }),
  ]);
  const hashesOf = async (personId: string) =>
    [
      ...(await t.support.models.students.find({ personId }).lean()),
      ...(await t.support.models.enrollments.find({ personId }).lean()),
    ].map((r) => r.idHash);
  await eventually(
    async () => expect(await hashesOf(first!.id)).toEqual([underK2(idNumber), underK2(idNumber)]),
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  expect(await hashesOf(second!.id)).toEqual([second!.idHash, second!.idHash]);
});
