import {
  compulsoryBirthRange,
  compulsoryPlace,
  firstGradeYear,
  schoolYearOf,
  termOfDay,
} from '../src/education/school-calendar';

describe('compulsory-education age from the birth date and the 31 August cut-off', () => {
  test('a child who turns 6 on or before 31 August starts 小学 that autumn; one born a day later waits a year', () => {
    expect(firstGradeYear('2012-08-31')).toBe(2018);
    expect(firstGradeYear('2012-09-01')).toBe(2019);
    expect(firstGradeYear('2012-01-01')).toBe(2018);
    expect(firstGradeYear('2012-12-31')).toBe(2019);
  });

  test('a member who turns 6 before 1 September is due for 小学 grade 1 in the autumn term', () => {
    expect(compulsoryPlace('2012-08-31', '2018-autumn')).toEqual({
      schoolYear: 2018,
      grade: 1,
      stage: 'primary',
      gradeInStage: 1,
    });
    // Born on 1 September: not yet of compulsory-education age that school year.
    expect(compulsoryPlace('2012-09-01', '2018-autumn')).toBeNull();
    expect(compulsoryPlace('2012-09-01', '2019-autumn')).toMatchObject({
      grade: 1,
      stage: 'primary',
    });
  });

  test('the spring term belongs to the school year that began the autumn before', () => {
    expect(schoolYearOf('2019-spring')).toBe(2018);
    expect(compulsoryPlace('2012-08-31', '2019-spring')).toMatchObject({
      schoolYear: 2018,
      grade: 1,
    });
    expect(compulsoryPlace('2012-09-01', '2019-spring')).toBeNull();
  });

  test('the nine years end after 初中 grade 3, on the same cut-off', () => {
    // Started in autumn 2010 (born by 31 August 2004): grade 9 in 2018, 初三.
    expect(compulsoryPlace('2004-08-31', '2018-autumn')).toEqual({
      schoolYear: 2018,
      grade: 9,
      stage: 'junior_secondary',
      gradeInStage: 3,
    });
    // Born on 31 August 2003: grade 10 in 2018, past compulsory education.
    expect(compulsoryPlace('2003-08-31', '2018-autumn')).toBeNull();
    expect(compulsoryPlace('2003-09-01', '2018-autumn')).toMatchObject({ grade: 9 });
    expect(compulsoryPlace('2006-09-01', '2018-autumn')).toMatchObject({
      grade: 6,
      stage: 'primary',
    });
    expect(compulsoryPlace('2005-08-31', '2018-autumn')).toMatchObject({
      grade: 8,
      stage: 'junior_secondary',
      gradeInStage: 2,
    });
  });

  test('the birth-date range of the compulsory-age children of a school year matches the place rule at both ends', () => {
    const range = compulsoryBirthRange(2018);
    expect(range).toEqual({ from: '2003-09-01', to: '2012-08-31' });
    expect(compulsoryPlace(range.from, '2018-autumn')).not.toBeNull();
    expect(compulsoryPlace(range.to, '2018-autumn')).not.toBeNull();
    expect(compulsoryPlace('2003-08-31', '2018-autumn')).toBeNull();
    expect(compulsoryPlace('2012-09-01', '2018-autumn')).toBeNull();
  });

  test('a day belongs to the autumn term from September to January, otherwise to the spring term', () => {
    expect(termOfDay('2018-08-31')).toBe('2018-spring');
    expect(termOfDay('2018-09-01')).toBe('2018-autumn');
    expect(termOfDay('2019-01-20')).toBe('2018-autumn');
    expect(termOfDay('2019-02-15')).toBe('2019-spring');
  });
});
