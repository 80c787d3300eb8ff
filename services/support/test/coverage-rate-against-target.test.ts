import { coverageRate, isEligible } from '../src/health/coverage.rules';

describe('insurance coverage rate against its target', () => {
  test('rate in basis points rounded down; the target is compared exactly', () => {
    expect(coverageRate(3, 2, 10_000)).toEqual({
      eligible: 3,
      enrolled: 2,
      rateBasisPoints: 6666,
      targetBasisPoints: 10_000,
      targetMet: false,
      shortfall: 1,
    });
    // 49 of 50 is 98%: the pension target is met, the medical target is not.
    expect(coverageRate(50, 49, 9800)).toMatchObject({
      rateBasisPoints: 9800,
      targetMet: true,
      shortfall: 0,
    });
    expect(coverageRate(50, 49, 10_000)).toMatchObject({ targetMet: false, shortfall: 1 });
    // 9999 of 10000 rounds down to 99.99%, never to 100%.
    expect(coverageRate(10_000, 9999, 10_000)).toMatchObject({
      rateBasisPoints: 9999,
      targetMet: false,
    });
  });

  test('an area without eligible people has no rate', () => {
    expect(coverageRate(0, 0, 9800)).toMatchObject({
      rateBasisPoints: null,
      targetMet: null,
      shortfall: 0,
    });
  });

  test('the pension counts people 16 or over by the year end who are not in school', () => {
    expect(isEligible({ birthDate: '2002-12-31', inSchool: false }, 'pension', 2018)).toBe(true);
    expect(isEligible({ birthDate: '2003-01-01', inSchool: false }, 'pension', 2018)).toBe(false);
    expect(isEligible({ birthDate: '2000-05-01', inSchool: true }, 'pension', 2018)).toBe(false);
    expect(isEligible({ birthDate: '2015-05-01', inSchool: true }, 'basic_medical', 2018)).toBe(
      true,
    );
  });
});
