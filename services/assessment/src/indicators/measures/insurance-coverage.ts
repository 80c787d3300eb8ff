import type { RecordItem } from '../../rankings/ranking.model';
import { HEALTH_DEPARTMENTS, type Indicator, percent } from '../measurement';

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
  measure({ unit, data, prefix, result, none }) {
    const households =
      unit.kind === 'township'
        ? data.households.filter((h) => h.areaCode.startsWith(prefix))
        : HEALTH_DEPARTMENTS.includes(unit.code)
          ? data.households
          : null;
    if (!households) return none();
    const enrolled = new Map(
      (data.facts.get('coverage') ?? []).map((c) => [c.personId ?? '', c.status === 'enrolled']),
    );
    let people = 0;
    const missing: RecordItem[] = [];
    for (const h of households)
      for (const m of h.members ?? []) {
        if (m.status !== 'active') continue;
        people++;
        if (!(enrolled.get(m.id) ?? m.medicalInsurance)) missing.push({ id: h._id, note: m.id });
      }
    if (people === 0) return none();
    return result(
      percent(people - missing.length, people),
      people - missing.length,
      people,
      missing,
    );
  },
};
