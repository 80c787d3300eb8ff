import { type Indicator, percent } from '../measurement';

/** 脱贫进度 — households exited this year against the township's target. */
export const exitProgress: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '当年已脱贫的户', en: 'Households exited this year' },
  },
  facts: ['exit_target'],
  households: 'status',
  measure({ unit, period, data, prefix, result, none }) {
    if (unit.kind !== 'township') return none();
    const target = (data.facts.get('exit_target') ?? []).find((t) => t.areaCode === unit.code);
    const goal = target?.amounts.households ?? 0;
    if (goal <= 0) return none();
    const exited = data.households
      .filter(
        (h) => h.areaCode.startsWith(prefix) && h.status === 'exited' && h.exitYear === period.year,
      )
      .map((h) => ({ id: h._id }));
    return result(percent(exited.length, goal), exited.length, goal, exited);
  },
};
