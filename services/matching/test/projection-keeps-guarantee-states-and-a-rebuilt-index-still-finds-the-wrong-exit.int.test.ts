import {
  bearer,
  idNumber,
  project,
  startMatching,
  type TestMatching,
  VILLAGE_A1,
} from './fixtures/matching';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t?.close();
});

test('the projection stores the three guarantee states, and the index rebuilt from it finds the 错退', async () => {
  await project(t, {
    id: 'hg',
    areaCode: VILLAGE_A1,
    status: 'exited',
    exitYear: 2019,
    perCapitaIncomeFen: 800_000,
    incomeYear: 2019,
    guaranteeStates: {
      food: 'met',
      clothing: 'met',
      compulsory_education: 'met',
      basic_medical: 'met',
      housing_safety: 'met',
      safe_water: 'unknown',
    },
    members: [
      {
        id: 'mg',
        idNumber: idNumber('1958-08-08', 3, 'male'),
        name: '郭三',
        birthDate: '1958-08-08',
        sex: 'male',
      },
    ],
  });
  const stored = await t.matching.households.findById('hg').lean();
  expect(stored?.guaranteeStates).toMatchObject({ safe_water: 'unknown', food: 'met' });

  // The index derived again from what the projection stored, not from the event in memory.
  await t.matching.persons.rebuild(t.matching.households);
  const run = await t.run(t.tokens.county);
  expect(run.summary.byRule).toEqual({ EXITED_GUARANTEE_UNMET: 1 });
  const res = await t.api().get('/findings').set(bearer(t.tokens.county));
  expect(res.body).toEqual([
    expect.objectContaining({
      rule: 'EXITED_GUARANTEE_UNMET',
      householdId: 'hg',
      evidence: expect.objectContaining({
        guarantees: [{ code: 'safe_water', state: 'unknown' }],
        guaranteeSource: 'states',
      }),
    }),
  ]);
});
