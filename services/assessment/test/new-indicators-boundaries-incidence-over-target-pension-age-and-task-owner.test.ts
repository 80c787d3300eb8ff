import { pensionEligible } from '../src/indicators/measures/insurance-coverage';
import { warningStanding } from '../src/indicators/measures/warnings-on-time';
import { pointsAboveTarget, targetsFor } from '../src/indicators/measures/villages';
import { countedForOwner, countedForUnitId, deadlineFact } from '../src/indicators/own-facts';
import type { Fact } from '../src/indicators/fact.model';

// The pure rules of the indicators added with the supervision work: the incidence above its
// target, who counts for the pension, whose task a task is, and a deadline record's standing.

test('the incidence above the target is 0 at or below it and the points above it otherwise', () => {
  expect(pointsAboveTarget(1.99, 2)).toBe(0);
  expect(pointsAboveTarget(2, 2)).toBe(0);
  expect(pointsAboveTarget(2.01, 2)).toBe(0.01);
  expect(pointsAboveTarget(3.456, 2)).toBe(1.46);
});

test("a township's own target comes before the county's", () => {
  const t = (areaCode: string) => ({ areaCode }) as Fact;
  const codes = (ts: Fact[]) => ts.map((x) => x.areaCode);
  expect(codes(targetsFor([t('431121000000'), t('431121101000')], '431121101000'))).toEqual([
    '431121101000',
    '431121000000',
  ]);
  expect(codes(targetsFor([t('431121000000')], '431121102000'))).toEqual(['431121000000']);
  expect(targetsFor([t('431122000000')], '431121102000')).toEqual([]);
});

test('the pension counts people 16 or over by the year end and not in school', () => {
  expect(pensionEligible({ birthDate: '2003-12-31', inSchool: false }, 2019)).toBe(true);
  expect(pensionEligible({ birthDate: '2004-01-01', inSchool: false }, 2019)).toBe(false);
  expect(pensionEligible({ birthDate: '2000-05-01', inSchool: true }, 2019)).toBe(false);
});

test('a task counts for the department its owner names, else for the township of its area', () => {
  expect(countedForOwner('县卫健局', '431121000000')).toEqual({
    townshipCode: null,
    departments: ['health'],
  });
  expect(countedForOwner('人社局', '431121101201')).toEqual({
    townshipCode: null,
    departments: ['human_resources'],
  });
  expect(countedForOwner('城关镇人民政府', '431121101201')).toEqual({
    townshipCode: '431121101000',
    departments: [],
  });
  expect(countedForOwner('县委办', '431121000000')).toEqual({
    townshipCode: null,
    departments: [],
  });
  expect(countedForUnitId('department:education')).toEqual({
    townshipCode: null,
    departments: ['education'],
  });
  expect(countedForUnitId('township:431121101000')).toEqual({
    townshipCode: '431121101000',
    departments: [],
  });
  expect(countedForUnitId(null)).toEqual({ townshipCode: null, departments: [] });
});

test('a record done on its due day is on time, the day after late, open past it late', () => {
  const period = { first: '2019-04-01', last: '2019-06-30' };
  const fact = (doneOn: string | null) =>
    deadlineFact({
      kind: 'task',
      recordId: 't',
      areaCode: '431121101000',
      unit: { townshipCode: '431121101000', departments: [] },
      dueOn: '2019-05-10',
      from: '2019-04-01',
      doneOn,
      status: doneOn ? 'done' : 'open',
    });
  expect(warningStanding(fact('2019-05-10'), period, '2019-07-15')).toBe('on_time');
  expect(warningStanding(fact('2019-05-11'), period, '2019-07-15')).toBe('late');
  expect(warningStanding(fact(null), period, '2019-07-15')).toBe('late');
  // Still running and not yet due: not counted.
  expect(warningStanding(fact(null), period, '2019-05-10')).toBeNull();
  // Done after the period closed: the closed period saw it open and late.
  expect(warningStanding(fact('2019-07-02'), period, '2019-07-15')).toBe('late');
});
