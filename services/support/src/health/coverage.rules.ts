// 参保覆盖率 — who counts for each insurance, and the coverage rate against its target.

import { codesOf, type EnumDefinition } from '@fupin/reference';

/** 险种 — the insurances whose enrollment is tracked per registered person per year. */
export const InsuranceKind = {
  basic_medical: {
    zh: '基本医疗保险',
    en: 'Basic medical insurance',
    aliases: ['基本医保', '城乡居民医保', '城乡居民基本医疗保险', '新农合', '医保'],
  },
  serious_illness: {
    zh: '大病保险',
    en: 'Serious-illness insurance',
    aliases: ['城乡居民大病保险', '大病医疗保险'],
  },
  pension: {
    zh: '养老保险',
    en: 'Pension insurance',
    aliases: ['城乡居民养老保险', '城乡居民基本养老保险', '新农保', '养老'],
  },
} as const satisfies EnumDefinition;
export type InsuranceKind = keyof typeof InsuranceKind;
export const INSURANCE_KINDS = codesOf(InsuranceKind);

/** 城乡居民养老保险 is for residents aged 16 and over who are not in school. */
export const PENSION_MIN_AGE = 16;

/** The age a person reaches on 31 December of a year. */
export function ageAtYearEnd(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}

/**
 * Whether a registered person counts in the coverage of a kind for a year: everyone for the
 * medical insurances; for the pension, those 16 or over by the year's end and not in school.
 */
export function isEligible(
  person: { birthDate: string; inSchool: boolean },
  kind: InsuranceKind,
  year: number,
): boolean {
  if (kind !== 'pension') return true;
  return ageAtYearEnd(person.birthDate, year) >= PENSION_MIN_AGE && !person.inSchool;
}

/** The latest birth date (inclusive) of someone old enough for the pension in a year. */
export function pensionLatestBirthDate(year: number): string {
  return `${year - PENSION_MIN_AGE}-12-31`;
}

export interface CoverageRate {
  eligible: number;
  enrolled: number;
  /** enrolled ÷ eligible in basis points, rounded down (so 99.996% is not shown as 100%). */
  rateBasisPoints: number | null;
  targetBasisPoints: number;
  /** Compared exactly (enrolled × 10000 ≥ eligible × target), not on the rounded rate. */
  targetMet: boolean | null;
  /** People still to enroll to meet the target. */
  shortfall: number;
}

export function coverageRate(
  eligible: number,
  enrolled: number,
  targetBasisPoints: number,
): CoverageRate {
  if (eligible === 0)
    return {
      eligible,
      enrolled,
      rateBasisPoints: null,
      targetBasisPoints,
      targetMet: null,
      shortfall: 0,
    };
  const needed = Math.ceil((eligible * targetBasisPoints) / 10_000);
  return {
    eligible,
    enrolled,
    rateBasisPoints: Math.floor((enrolled * 10_000) / eligible),
    targetBasisPoints,
    targetMet: enrolled * 10_000 >= eligible * targetBasisPoints,
    shortfall: Math.max(0, needed - enrolled),
  };
}
