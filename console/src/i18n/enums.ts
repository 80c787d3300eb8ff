import {
  AreaLevel,
  ComplaintChannel,
  ComplaintSatisfaction,
  ComplaintStatus,
  ComplaintSubject,
  Department,
  DisabilityGrade,
  EducationLevel,
  Ethnicity,
  Guarantee,
  HealthStatus,
  HousingSafetyGrade,
  HouseholdStatus,
  IncomeSource,
  InspectionCadence,
  InspectionCheck,
  InspectionSeverity,
  LabourCapacity,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
  Sex,
  type EnumDefinition,
} from '@fupin/reference';

/**
 * The domain enums the console shows, with their labels taken from packages/reference (the
 * one place the zh-CN and en labels live), under `enums.<Name>.<code>`.
 */
export const REFERENCE_ENUMS = {
  AreaLevel,
  ComplaintChannel,
  ComplaintSatisfaction,
  ComplaintStatus,
  ComplaintSubject,
  Department,
  DisabilityGrade,
  EducationLevel,
  Ethnicity,
  Guarantee,
  HealthStatus,
  HousingSafetyGrade,
  HouseholdStatus,
  IncomeSource,
  InspectionCadence,
  InspectionCheck,
  InspectionSeverity,
  LabourCapacity,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
  Sex,
} satisfies Record<string, EnumDefinition>;

export type ReferenceEnumName = keyof typeof REFERENCE_ENUMS;

export function referenceEnumMessages(lang: 'zh-CN' | 'en') {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, def] of Object.entries(REFERENCE_ENUMS)) {
    out[name] = Object.fromEntries(
      Object.entries(def as EnumDefinition).map(([code, e]) => [code, lang === 'en' ? e.en : e.zh]),
    );
  }
  return out as { [N in ReferenceEnumName]: Record<keyof (typeof REFERENCE_ENUMS)[N], string> };
}

/** The codes of an enum, in the reference's order, for select inputs. */
export const codesOfEnum = (name: ReferenceEnumName): string[] =>
  Object.keys(REFERENCE_ENUMS[name]);
