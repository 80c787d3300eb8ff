// The school calendar (学年/学期) and compulsory-education age (义务教育适龄) as pure functions.
// Dates are `YYYY-MM-DD` calendar days in Asia/Shanghai, compared as text: no time zone can
// move a birthday across the 31 August cut-off.

/** 学期 — a term: the autumn term opens a school year, the spring term ends it. */
export type Season = 'spring' | 'autumn';
export interface Term {
  year: number;
  season: Season;
}

const TERM = /^(\d{4})-(spring|autumn)$/;

export function parseTerm(text: string): Term | undefined {
  const m = TERM.exec(text);
  return m ? { year: Number(m[1]), season: m[2] as Season } : undefined;
}

export function termKey(t: Term): string {
  return `${t.year}-${t.season}`;
}

/** A number that orders terms in time: 2018-spring < 2018-autumn < 2019-spring. */
export function termOrdinal(term: string): number {
  const t = parseTerm(term);
  if (!t) throw new RangeError(`not a term: ${term}`);
  return t.year * 2 + (t.season === 'autumn' ? 1 : 0);
}

export function compareTerms(a: string, b: string): number {
  return termOrdinal(a) - termOrdinal(b);
}

/**
 * The term a day falls in: September to January is the autumn term of the year it starts
 * in, February to August the spring term (the summer holiday still belongs to it).
 */
export function termOfDay(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) return `${year}-autumn`;
  if (month === 1) return `${year - 1}-autumn`;
  return `${year}-spring`;
}

/** 学年 — the school year a term belongs to, named by the year its autumn term starts. */
export function schoolYearOf(term: string): number {
  const t = parseTerm(term);
  if (!t) throw new RangeError(`not a term: ${term}`);
  return t.season === 'autumn' ? t.year : t.year - 1;
}

/** The school-year cut-off: a child must have turned 6 by 31 August to start school that autumn. */
export const CUT_OFF_MONTH_DAY = '08-31';
export const SCHOOL_ENTRY_AGE = 6;
/** 九年义务教育: six years of 小学 then three of 初中 (the 6+3 system). */
export const PRIMARY_YEARS = 6;
export const COMPULSORY_YEARS = 9;

/**
 * The autumn in which a child is due to start 小学 grade 1: the year they turn 6 when their
 * birthday is on or before 31 August, otherwise the year after.
 */
export function firstGradeYear(birthDate: string): number {
  const year = Number(birthDate.slice(0, 4));
  const turnsSixBeforeCutOff = birthDate.slice(5) <= CUT_OFF_MONTH_DAY;
  return year + SCHOOL_ENTRY_AGE + (turnsSixBeforeCutOff ? 0 : 1);
}

export interface CompulsoryPlace {
  schoolYear: number;
  /** 1–9 over the nine compulsory years. */
  grade: number;
  stage: 'primary' | 'junior_secondary';
  /** The grade within the stage (初中 grade 7 is 初一, 1). */
  gradeInStage: number;
}

/**
 * Where a child of compulsory-education age is expected to be in a term's school year by
 * birth date alone, or null when the child is not of compulsory-education age that year
 * (too young, or past the nine years).
 */
export function compulsoryPlace(birthDate: string, term: string): CompulsoryPlace | null {
  const schoolYear = schoolYearOf(term);
  const grade = schoolYear - firstGradeYear(birthDate) + 1;
  if (grade < 1 || grade > COMPULSORY_YEARS) return null;
  const primary = grade <= PRIMARY_YEARS;
  return {
    schoolYear,
    grade,
    stage: primary ? 'primary' : 'junior_secondary',
    gradeInStage: primary ? grade : grade - PRIMARY_YEARS,
  };
}

/**
 * The birth dates (inclusive) of the children of compulsory-education age in a school year,
 * for a range query: born from 1 September fifteen years before to 31 August six years before.
 */
export function compulsoryBirthRange(schoolYear: number): { from: string; to: string } {
  return {
    from: `${schoolYear - SCHOOL_ENTRY_AGE - COMPULSORY_YEARS}-09-01`,
    to: `${schoolYear - SCHOOL_ENTRY_AGE}-${CUT_OFF_MONTH_DAY}`,
  };
}
