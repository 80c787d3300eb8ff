import { bounded } from '@fupin/kit';
import type { InsuranceRecord, Person } from '../src/people/person.model';
import { insuranceSection, insuranceYears } from '../src/dossier/insurance.dossier';

const recorded = (enrolled: boolean): InsuranceRecord => ({
  enrolled,
  source: 'manual',
  importId: null,
  recordedAt: new Date('2018-03-01T00:00:00Z'),
  recordedBy: 'u-health',
});

function person(id: string, over: Partial<Person> = {}): Person {
  return {
    _id: id,
    idHash: `hash-${id}`,
    name: id,
    sex: 'male',
    birthDate: '1970-01-01',
    relation: 'head',
    householdId: 'h1',
    householdNo: 'HH-1',
    householdStatus: 'in_poverty',
    areaCode: '431121101201',
    townshipCode: '431121101000',
    memberStatus: 'active',
    registered: true,
    inSchool: false,
    schoolStage: null,
    health: null,
    registryMedicalInsurance: true,
    registryPensionInsurance: false,
    insurance: {},
    householdSeq: 1,
    syncedAt: new Date('2018-01-01T00:00:00Z'),
    ...over,
  };
}

test('the years shown are this year and those recorded, newest first, at most five', () => {
  const a = person('a', {
    insurance: Object.fromEntries(
      ['2012', '2013', '2014', '2015', '2016', '2020'].map((y) => [
        y,
        { basic_medical: recorded(true) },
      ]),
    ),
  });
  // 2020 lies after the current year: not a year the household can have been insured in yet.
  expect(insuranceYears([a, person('b')], 2018)).toEqual([2018, 2016, 2015, 2014, 2013]);
});

test('each member has a state per kind and year; a registered member not enrolled is a gap', () => {
  const father = person('father', {
    insurance: {
      '2018': { basic_medical: recorded(true), pension: recorded(true) },
      '2017': { basic_medical: recorded(false) },
    },
  });
  const child = person('child', { birthDate: '2010-05-05', inSchool: true, relation: 'son' });
  const removed = person('removed', { memberStatus: 'removed', registered: false });

  const s = insuranceSection(bounded([father, child, removed], 3), 2018);

  expect(s.years).toEqual([2018, 2017]);
  expect(s.items[0]).toMatchObject({
    personId: 'father',
    registered: true,
    registryMedicalInsurance: true,
    years: [
      {
        year: 2018,
        basic_medical: 'enrolled',
        serious_illness: 'not_recorded',
        pension: 'enrolled',
      },
      {
        year: 2017,
        basic_medical: 'not_enrolled',
        serious_illness: 'not_recorded',
        pension: 'not_recorded',
      },
    ],
  });
  // A child in school is not eligible for the pension, but needs basic medical insurance.
  expect(s.items[1]!.years[0]).toEqual({
    year: 2018,
    basic_medical: 'not_recorded',
    serious_illness: 'not_recorded',
    pension: 'not_eligible',
  });
  // The removed member is shown but owes nothing; serious-illness insurance is no gap of its own.
  expect(s.gaps).toEqual([
    { personId: 'father', name: 'father', year: 2017, kind: 'basic_medical' },
    { personId: 'father', name: 'father', year: 2017, kind: 'pension' },
    { personId: 'child', name: 'child', year: 2018, kind: 'basic_medical' },
    { personId: 'child', name: 'child', year: 2017, kind: 'basic_medical' },
  ]);
  expect(JSON.stringify(s)).not.toContain('hash-');
});
