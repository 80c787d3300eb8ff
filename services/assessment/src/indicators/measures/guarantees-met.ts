import type { Loaded } from '../measurement';
import type { Indicator } from '../measurement';

const GUARANTEES = [
  'food',
  'clothing',
  'compulsory_education',
  'basic_medical',
  'housing_safety',
  'safe_water',
] as const;

/**
 * Whether every guarantee of a projected household is met: by its three states when the
 * registry's event carried them (unknown is never met), else by the flags of older events.
 */
export function allGuaranteesMet(h: Loaded['households'][number]): boolean {
  const states = h.guaranteeStates;
  if (states) return GUARANTEES.every((g) => states[g] === 'met');
  const flags = h.guarantees;
  return !!flags && GUARANTEES.every((g) => flags[g] === true);
}

/** 两不愁三保障达标率 — the township's registered households with every guarantee met. */
export const guaranteesMet: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: {
      zh: '两不愁三保障未全部达标（含未知）的户',
      en: 'Households with a guarantee not met or unknown',
    },
  },
  facts: [],
  households: 'guarantees',
  measure({ unit, data, prefix, coverageOf, none }) {
    if (unit.kind !== 'township') return none();
    const households = data.households.filter((h) => h.areaCode.startsWith(prefix));
    return coverageOf(households, new Set(households.filter(allGuaranteesMet).map((h) => h._id)));
  },
};
