import { startSupport, type TestSupport, VILLAGE_A1, VILLAGE_B1 } from './fixtures/support';

// At start the person view is compared with the registry projection a page of households at a
// time; the households whose people are missing or differ are derived again, the rest left alone.

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

test('a deleted person comes back, a stale one is corrected, the untouched household is not rewritten', async () => {
  const a = t.household(VILLAGE_A1, [
    { name: '蒋父', birthDate: '1970-01-01' },
    { name: '蒋一', birthDate: '2010-02-02' },
  ]);
  const b = t.household(VILLAGE_B1, [{ name: '易母', birthDate: '1975-03-03', sex: 'female' }]);
  const c = t.household(VILLAGE_A1, [{ name: '龙父', birthDate: '1965-04-04' }]);
  await t.seed([a, b, c]);
  const persons = t.support.models.persons;
  const untouched = await persons.findById(c.members[0]!.id).lean();

  await persons.deleteOne({ _id: a.members[1]!.id });
  await persons.updateOne({ _id: b.members[0]!.id }, { $set: { name: '旧名' } });

  expect(await t.support.people.reconcile()).toEqual({ households: 3, resynced: 2 });
  expect(await persons.findById(a.members[1]!.id).lean()).toMatchObject({
    name: '蒋一',
    householdId: a.id,
    registered: true,
  });
  expect(await persons.findById(b.members[0]!.id).lean()).toMatchObject({ name: '易母' });
  expect(await persons.findById(c.members[0]!.id).lean()).toEqual(untouched);
  expect(await persons.countDocuments()).toBe(4);
});
