import type { Fact } from '../fact.model';
import { type Indicator, yuan } from '../measurement';

/** 结余资金 — the money idle at the township's latest check in the period. */
export const idleFunds: Indicator = {
  link: {
    service: 'funds',
    path: '/projects/{id}',
    label: {
      zh: '有结余资金的项目（备注为结余金额）',
      en: 'Projects holding money (note: amount left)',
    },
  },
  facts: ['project', 'idle'],
  measure({ unit, result, none, factsOf }) {
    if (unit.kind !== 'township') return none();
    const checks = factsOf('idle');
    const latest = checks.reduce<Fact | null>(
      (a, c) => (!a || (c.day ?? '') > (a.day ?? '') ? c : a),
      null,
    );
    if (!latest) return none();
    const holding = factsOf('project')
      .map((p) => ({ p, left: (p.amounts.allocated ?? 0) - (p.amounts.disbursed ?? 0) }))
      .filter((x) => x.left > 0)
      .map((x) => ({ id: x.p.recordId, note: yuan(x.left) }));
    const idle = latest.amounts.idle ?? 0;
    return result(idle, idle, null, holding);
  },
};
