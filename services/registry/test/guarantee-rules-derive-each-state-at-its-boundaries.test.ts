import {
  basicMedical,
  compulsoryEducation,
  deriveGuarantees,
  housingSafety,
  readGuarantee,
  resolveGuarantee,
  safeWater,
  unmetGuarantees,
  unknownGuarantees,
} from '../src/households/guarantee.rules';
import type { MemberSupportFacts } from '../src/households/household.model';

const member = (
  id: string,
  birthDate: string,
  over: Partial<{
    inSchool: boolean;
    medicalInsurance: boolean;
    status: 'active' | 'removed';
  }> = {},
) => ({
  id,
  name: id,
  birthDate,
  status: 'active' as const,
  inSchool: false,
  medicalInsurance: true,
  ...over,
});
const facts = (memberId: string, f: Partial<MemberSupportFacts>): MemberSupportFacts => ({
  memberId,
  enrollment: null,
  openDropoutCases: [],
  basicMedical: null,
  ...f,
});

test('housing safety: C and D not met, A and B met, no grade unknown', () => {
  expect(housingSafety('C')).toEqual({ state: 'not_met', fact: 'housing_grade:C' });
  expect(housingSafety('D')).toEqual({ state: 'not_met', fact: 'housing_grade:D' });
  expect(housingSafety('B')).toEqual({ state: 'met', fact: 'housing_grade:B' });
  expect(housingSafety('A').state).toBe('met');
  expect(housingSafety(null)).toEqual({ state: 'unknown', fact: null });
});

test('basic medical: one active member uninsured is not met; a removed one does not count; coverage events win over the flag', () => {
  const a = member('a', '1970-01-01');
  const b = member('b', '1972-01-01', { medicalInsurance: false });
  expect(basicMedical({ housingGrade: null, members: [a, b] })).toEqual({
    state: 'not_met',
    fact: 'member:b:no_medical_insurance',
  });
  expect(
    basicMedical({ housingGrade: null, members: [a, { ...b, status: 'removed' }] }).state,
  ).toBe('met');
  const covered = [facts('b', { basicMedical: { year: 2026, enrolled: true } })];
  expect(basicMedical({ housingGrade: null, members: [a, b], supportFacts: covered })).toEqual({
    state: 'met',
    fact: 'support:coverage',
  });
  const lapsed = [facts('a', { basicMedical: { year: 2026, enrolled: false } })];
  expect(basicMedical({ housingGrade: null, members: [a], supportFacts: lapsed }).fact).toBe(
    'member:a:coverage_not_enrolled',
  );
  expect(basicMedical({ housingGrade: null, members: [] }).state).toBe('unknown');
});

test('compulsory education follows the 31 August cut-off: 6 by then starts school that autumn, past nine years is out', () => {
  const f = (birth: string, over = {}) => ({
    housingGrade: null,
    members: [member('c', birth, over)],
  });
  // On 1 September 2026 (school year 2026): born 2020-08-31 is due in grade 1, 2020-09-01 not yet.
  expect(compulsoryEducation(f('2020-08-31'), '2026-09-01')).toEqual({
    state: 'not_met',
    fact: 'member:c:not_in_school',
  });
  expect(compulsoryEducation(f('2020-09-01'), '2026-09-01')).toEqual({
    state: 'met',
    fact: 'no_compulsory_age_children',
  });
  // Grade 9 in 2026: born between 2011-09-01 and 2012-08-31; born 2011-08-31 is past the nine years.
  expect(compulsoryEducation(f('2011-09-01'), '2026-09-01').state).toBe('not_met');
  expect(compulsoryEducation(f('2011-08-31'), '2026-09-01').state).toBe('met');
  expect(compulsoryEducation(f('2015-05-01', { inSchool: true }), '2026-09-01')).toEqual({
    state: 'met',
    fact: 'members:in_school',
  });
});

test('compulsory education from support: an open dropout case or a latest enrollment not 在读 is not met, 在读 is met', () => {
  const child = member('c', '2015-05-01', { inSchool: true });
  const on = (s: MemberSupportFacts) =>
    compulsoryEducation({ housingGrade: null, members: [child], supportFacts: [s] }, '2026-10-01');
  expect(on(facts('c', { openDropoutCases: ['k1'] }))).toEqual({
    state: 'not_met',
    fact: 'member:c:dropout_case_open',
  });
  const enrollment = { term: '2026-autumn', stage: 'primary', status: 'dropped_out' };
  expect(on(facts('c', { enrollment })).fact).toBe('member:c:enrollment_dropped_out');
  expect(on(facts('c', { enrollment: { ...enrollment, status: 'enrolled' } }))).toEqual({
    state: 'met',
    fact: 'support:enrollment',
  });
});

test('safe water follows the village tap water item when recorded, else unknown', () => {
  expect(safeWater(true)).toEqual({ state: 'met', fact: 'village:safe_water' });
  expect(safeWater(false).state).toBe('not_met');
  expect(safeWater(null).state).toBe('unknown');
});

test('a typed value overrides the derived one only with a reason; without one it only fills in unknown', () => {
  const derived = { state: 'not_met' as const, fact: 'housing_grade:C' };
  const typed = { state: 'met' as const, actorId: 'u', actorName: 'u', at: new Date(0) };
  expect(resolveGuarantee(derived, { ...typed, reason: null })).toMatchObject({
    state: 'not_met',
    source: 'derived',
  });
  expect(resolveGuarantee(derived, { ...typed, reason: '已改造' })).toMatchObject({
    state: 'met',
    met: true,
    source: 'typed',
  });
  expect(
    resolveGuarantee({ state: 'unknown', fact: null }, { ...typed, reason: null }),
  ).toMatchObject({ state: 'met', source: 'typed' });
  expect(resolveGuarantee(null, null)).toMatchObject({
    state: 'unknown',
    met: false,
    source: 'none',
  });
});

test('an old document {met, note} reads as a typed legacy value; anything else as unknown', () => {
  expect(readGuarantee({ met: true, note: null })).toMatchObject({
    state: 'met',
    source: 'typed',
    typed: { state: 'met', reason: null, legacy: true },
  });
  expect(readGuarantee({ met: false, note: 'C级危房' })).toMatchObject({
    state: 'not_met',
    note: 'C级危房',
  });
  expect(readGuarantee(undefined).state).toBe('unknown');
  expect(readGuarantee({ note: 'x' }).state).toBe('unknown');
});

test('a new household is unknown throughout; unknown counts as unmet; food and clothing are never derived', () => {
  const g = unknownGuarantees();
  expect(unmetGuarantees(g)).toHaveLength(6);
  const d = deriveGuarantees(
    { housingGrade: 'A', members: [member('a', '1970-01-01')] },
    '2026-12-05',
  );
  expect(d.food.state).toBe('unknown');
  expect(d.clothing.state).toBe('unknown');
  expect(d.housing_safety.state).toBe('met');
});
