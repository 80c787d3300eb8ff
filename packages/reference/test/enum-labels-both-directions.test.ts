import * as reference from '../src';
import {
  AreaLevel,
  Department,
  DisabilityGrade,
  EducationLevel,
  Ethnicity,
  FundingSource,
  Guarantee,
  HealthStatus,
  HelperRank,
  HouseholdStatus,
  HousingSafetyGrade,
  IncomeSource,
  LabourCapacity,
  MeasureCategory,
  PovertyAttribute,
  PovertyCause,
  ProjectStatus,
  ProjectType,
  ReferenceDataError,
  Relation,
  SchoolStage,
  Sex,
  codesOf,
  ethnicityFromGbCode,
  fromLabel,
  isCodeOf,
  isDangerousHouse,
  labelOf,
  type EnumDefinition,
  type HouseholdStatus as HouseholdStatusCode,
} from '../src';

function isEnumDefinition(value: unknown): value is EnumDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (entry) => typeof entry === 'object' && entry !== null && 'zh' in entry && 'en' in entry,
    )
  );
}

// Every enum the package exports, so a new one is checked without editing this test.
const ALL_ENUMS = Object.fromEntries(
  Object.entries(reference).filter(([, value]) => isEnumDefinition(value)),
) as Record<string, EnumDefinition>;

describe('enum labels', () => {
  it('the enums of the domain guide are all exported', () => {
    const expected = [
      HouseholdStatus,
      PovertyAttribute,
      PovertyCause,
      Guarantee,
      HousingSafetyGrade,
      IncomeSource,
      Relation,
      EducationLevel,
      SchoolStage,
      HealthStatus,
      DisabilityGrade,
      LabourCapacity,
      Ethnicity,
      MeasureCategory,
      ProjectType,
      FundingSource,
      ProjectStatus,
      HelperRank,
      Department,
      Sex,
      AreaLevel,
    ];

    expect(expected.filter((e) => !Object.values(ALL_ENUMS).includes(e))).toEqual([]);
  });

  it('a code has its zh-CN and en label', () => {
    expect(labelOf(HouseholdStatus, 'marginal', 'zh-CN')).toBe('边缘易致贫户');
    expect(labelOf(HouseholdStatus, 'marginal', 'en')).toBe('Marginal, at risk of poverty');
    expect(labelOf(PovertyAttribute, 'minimum_allowance', 'zh-CN')).toBe('低保贫困户');
  });

  it('an unknown code read from storage throws rather than showing blank', () => {
    const fromStorage = 'retired' as HouseholdStatusCode;

    expect(() => labelOf(HouseholdStatus, fromStorage, 'zh-CN')).toThrow(ReferenceDataError);
  });

  it('a label typed in a spreadsheet gives back its code', () => {
    expect(fromLabel(HouseholdStatus, '脱贫不稳定户')).toBe('unstable');
    expect(fromLabel(PovertyCause, '自身发展动力不足')).toBe('lack_of_drive');
    expect(fromLabel(Guarantee, 'Safe drinking water')).toBe('safe_water');
    expect(fromLabel(Department, '扶贫办')).toBe('poverty_office');
  });

  it('the usual variants are read too: aliases, full-width brackets, spaces, case', () => {
    expect(fromLabel(PovertyAttribute, '五保户')).toBe('destitute');
    expect(fromLabel(PovertyAttribute, '特困供养贫困户（五保户）')).toBe('destitute');
    expect(fromLabel(Relation, '之女')).toBe('daughter');
    expect(fromLabel(HousingSafetyGrade, ' c级 ')).toBe('C');
    expect(fromLabel(LabourCapacity, '弱劳动力或半劳动力')).toBe('weak');
    expect(fromLabel(IncomeSource, 'WAGES')).toBe('wages');
  });

  it('an unknown label gives undefined, not a guess', () => {
    expect(fromLabel(HouseholdStatus, '已脱贫了')).toBeUndefined();
    expect(fromLabel(HouseholdStatus, 'toString')).toBeUndefined();
  });

  it('every code reads back from its own zh and en labels in every enum', () => {
    const failures = Object.entries(ALL_ENUMS).flatMap(([name, enumObj]) =>
      codesOf(enumObj).flatMap((code) =>
        (['zh-CN', 'en'] as const)
          .map((lang) => labelOf(enumObj, code, lang))
          .filter((label) => fromLabel(enumObj, label) !== code)
          .map((label) => `${name}.${code}: ${label}`),
      ),
    );

    expect(failures).toEqual([]);
  });

  it('no label or alias means two codes within one enum', () => {
    const clashes = Object.entries(ALL_ENUMS).flatMap(([name, enumObj]) =>
      codesOf(enumObj).flatMap((code) => {
        const entry = enumObj[code];
        const texts = [entry?.zh ?? '', entry?.en ?? '', ...(entry?.aliases ?? [])];
        return texts
          .filter((text) => fromLabel(enumObj, text) !== code)
          .map((text) => `${name}.${code}: ${text} → ${String(fromLabel(enumObj, text))}`);
      }),
    );

    expect(clashes).toEqual([]);
  });
});

describe('enum codes', () => {
  it('codesOf lists the codes in order as a tuple for z.enum', () => {
    expect(codesOf(HouseholdStatus)).toEqual([
      'in_poverty',
      'exited',
      'returned',
      'unstable',
      'marginal',
      'sudden_hardship',
    ]);
    expect(codesOf(DisabilityGrade)).toEqual(['1', '2', '3', '4']);
  });

  it('isCodeOf checks a value read from storage', () => {
    expect([isCodeOf(Sex, 'male'), isCodeOf(Sex, 'man'), isCodeOf(Sex, 1)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('the eleven poverty causes and six guarantees of the guide', () => {
    expect(codesOf(PovertyCause)).toHaveLength(11);
    expect(codesOf(Guarantee)).toHaveLength(6);
  });

  it('only C and D houses are dangerous', () => {
    const dangerous = codesOf(HousingSafetyGrade).filter(isDangerousHouse);

    expect(dangerous).toEqual(['C', 'D']);
  });

  it('the five measure categories of 五个一批 are flagged', () => {
    const fiveBatches = codesOf(MeasureCategory).filter(
      (code) => MeasureCategory[code].fiveBatches,
    );

    expect(fiveBatches).toEqual([
      'production',
      'relocation',
      'ecological_compensation',
      'education',
      'social_security',
    ]);
  });
});

describe('ethnicities (GB 3304)', () => {
  it('the 56 nationalities have the codes 01 to 56, each once', () => {
    const codes = codesOf(Ethnicity)
      .map((code) => Ethnicity[code].gb)
      .filter((gb) => Number(gb) <= 56);

    expect(codes).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('the zh names are all different and end in 族', () => {
    const names = codesOf(Ethnicity)
      .filter((code) => Number(Ethnicity[code].gb) <= 56)
      .map((code) => Ethnicity[code].zh);

    expect(new Set(names).size).toBe(56);
    expect(names.every((name) => name.endsWith('族'))).toBe(true);
  });

  it('known codes map to the right nationality', () => {
    expect([
      ethnicityFromGbCode('01'),
      ethnicityFromGbCode('04'),
      ethnicityFromGbCode('15'),
      ethnicityFromGbCode('37'),
      ethnicityFromGbCode('56'),
      ethnicityFromGbCode('99'),
    ]).toEqual(['han', 'zang', 'tujia', 'gelao', 'jino', undefined]);
    expect(labelOf(Ethnicity, 'miao', 'zh-CN')).toBe('苗族');
    expect(fromLabel(Ethnicity, '土家族')).toBe('tujia');
  });
});
