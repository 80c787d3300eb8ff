import type { RecordItem } from '../../rankings/ranking.model';
import type { Loaded } from '../measurement';
import { HEALTH_DEPARTMENTS, type Indicator, type MeasureContext, percent } from '../measurement';

type Member = NonNullable<Loaded['households'][number]['members']>[number];

/** 城乡居民养老保险 is for residents aged 16 and over by the year's end, not in school. */
export const PENSION_MIN_AGE = 16;

/** Whether a member counts for the pension coverage of a year (pure). */
export function pensionEligible(m: Pick<Member, 'birthDate' | 'inSchool'>, year: number): boolean {
  const born = Number(m.birthDate.slice(0, 4));
  if (!Number.isFinite(born)) return false;
  return year - born >= PENSION_MIN_AGE && m.inSchool !== true;
}

/**
 * Coverage of one insurance among the registered people (the exited included): the unit's
 * eligible active members, enrolled by the support service's record of the year (else the
 * registry's flag); the households with someone not enrolled are the records.
 */
function insuranceCoverageOf(
  kind: 'basic_medical' | 'pension',
  departments: readonly string[],
  eligible: (m: Member, year: number) => boolean,
  flag: (m: Member) => boolean | undefined,
) {
  return ({ unit, data, prefix, period, result, none }: MeasureContext) => {
    const households =
      unit.kind === 'township'
        ? data.households.filter((h) => h.areaCode.startsWith(prefix))
        : departments.includes(unit.code)
          ? data.households
          : null;
    if (!households) return none();
    const enrolled = new Map(
      (data.facts.get('coverage') ?? [])
        .filter((c) => (c.data.kind ?? 'basic_medical') === kind)
        .map((c) => [c.personId ?? '', c.status === 'enrolled']),
    );
    let people = 0;
    const missing: RecordItem[] = [];
    for (const h of households)
      for (const m of h.members ?? []) {
        if (m.status !== 'active' || !eligible(m, period.year)) continue;
        people++;
        if (!(enrolled.get(m.id) ?? flag(m))) missing.push({ id: h._id, note: m.id });
      }
    if (people === 0) return none();
    const covered = people - missing.length;
    return result(percent(covered, people), covered, people, missing);
  };
}

/** 参保率 — registered people (the exited included) enrolled in basic medical insurance. */
export const insuranceCoverage: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: {
      zh: '有未参保成员的户（备注为成员编号）',
      en: 'Households with an uninsured member (note: member id)',
    },
  },
  facts: ['coverage'],
  households: 'members',
  measure: insuranceCoverageOf(
    'basic_medical',
    HEALTH_DEPARTMENTS,
    () => true,
    (m) => m.medicalInsurance,
  ),
};

/** 养老保险参保率 — registered people of pension age, not in school, enrolled in the pension. */
export const pensionCoverage: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: {
      zh: '有未参加养老保险成员的户（备注为成员编号）',
      en: 'Households with a member of pension age not enrolled (note: member id)',
    },
  },
  facts: ['coverage'],
  households: 'members',
  measure: insuranceCoverageOf(
    'pension',
    ['human_resources'],
    pensionEligible,
    (m) => m.pensionInsurance,
  ),
};
