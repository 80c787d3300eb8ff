// The school calendar and compulsory-education age live in @fupin/reference (the registry's
// guarantee rules read the same 31 August cut-off); support's modules import them from here.
export {
  compareTerms,
  compulsoryBirthRange,
  compulsoryPlace,
  type CompulsoryPlace,
  COMPULSORY_YEARS,
  CUT_OFF_MONTH_DAY,
  firstGradeYear,
  parseTerm,
  PRIMARY_YEARS,
  SCHOOL_ENTRY_AGE,
  schoolYearOf,
  type Season,
  type Term,
  termKey,
  termOfDay,
  termOrdinal,
} from '@fupin/reference';
