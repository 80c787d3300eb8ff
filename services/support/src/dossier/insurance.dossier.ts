import { type Bounded, bounded } from '@fupin/kit';
import { INSURANCE_KINDS, type InsuranceKind, isEligible } from '../health/coverage.rules';
import type { Person } from '../people/person.model';

// 参保 in a household's dossier: each member's insurance per year, and the gaps. Pure.

/**
 * A member's standing in one insurance for one year: enrolled; recorded as not enrolled; not
 * recorded at all; or not eligible (the pension before 16 or while in school).
 */
export type InsuranceState = 'enrolled' | 'not_enrolled' | 'not_recorded' | 'not_eligible';

/** The insurances a registered member must have (基本医保 100%, 养老保险 ≥ 98%). */
const REQUIRED: InsuranceKind[] = ['basic_medical', 'pension'];

/** The years shown: the current one and the latest recorded, newest first, at most this many. */
export const INSURANCE_YEARS = 5;

/** The years a household's insurance is shown for: this year and those recorded, newest first. */
export function insuranceYears(members: Person[], currentYear: number): number[] {
  const years = new Set<number>([currentYear]);
  for (const m of members)
    for (const y of Object.keys(m.insurance ?? {})) {
      const year = Number(y);
      if (Number.isInteger(year) && year <= currentYear) years.add(year);
    }
  return [...years].sort((a, b) => b - a).slice(0, INSURANCE_YEARS);
}

export function insuranceState(m: Person, year: number, kind: InsuranceKind): InsuranceState {
  if (!isEligible(m, kind, year)) return 'not_eligible';
  const r = m.insurance?.[String(year)]?.[kind];
  if (!r) return 'not_recorded';
  return r.enrolled ? 'enrolled' : 'not_enrolled';
}

/**
 * 参保情况: every member the service knows with their insurance per year (by kind, the codes of
 * InsuranceKind), what the registry's own record says, and the gaps: a registered member,
 * eligible, not enrolled in basic medical or pension insurance that year.
 */
export function insuranceSection(members: Bounded<Person>, currentYear: number) {
  const years = insuranceYears(members.items, currentYear);
  const gaps: { personId: string; name: string; year: number; kind: InsuranceKind }[] = [];
  const items = members.items.map((m) => {
    const byYear = years.map((year) => {
      const states = Object.fromEntries(
        INSURANCE_KINDS.map((kind) => [kind, insuranceState(m, year, kind)]),
      ) as Record<InsuranceKind, InsuranceState>;
      if (m.registered)
        for (const kind of REQUIRED)
          if (states[kind] === 'not_enrolled' || states[kind] === 'not_recorded')
            gaps.push({ personId: m._id, name: m.name, year, kind });
      return { year, ...states };
    });
    return {
      personId: m._id,
      name: m.name,
      relation: m.relation,
      sex: m.sex,
      birthDate: m.birthDate,
      memberStatus: m.memberStatus,
      registered: m.registered,
      registryMedicalInsurance: m.registryMedicalInsurance,
      registryPensionInsurance: m.registryPensionInsurance,
      years: byYear,
    };
  });
  return { years, ...bounded(items, members.total), gaps };
}
