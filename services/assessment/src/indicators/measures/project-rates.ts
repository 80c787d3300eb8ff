import type { Fact } from '../fact.model';
import { dayOf, type Indicator, type MeasureContext, percent } from '../measurement';

/** The year's approved projects that have reached a step by the period's end. */
function projectRate(reached: (p: Fact, last: string) => boolean) {
  return ({ period, last, result, none, factsOf }: MeasureContext) => {
    const approved = factsOf('project').filter(
      (p) => p.year === period.year && dayOf(p, 'approvedOn', last),
    );
    if (approved.length === 0) return none();
    const missing = approved.filter((p) => !reached(p, last)).map((p) => ({ id: p.recordId }));
    const num = approved.length - missing.length;
    return result(percent(num, approved.length), num, approved.length, missing);
  };
}

/** 项目开工率 — the year's approved projects started. */
export const projectStartRate: Indicator = {
  link: {
    service: 'funds',
    path: '/projects/{id}',
    label: { zh: '已入库未开工的项目', en: 'Approved projects not started' },
  },
  facts: ['project'],
  measure: projectRate((p, last) => dayOf(p, 'startedOn', last)),
};

/** 项目完工率 — the year's approved projects completed (or accepted). */
export const projectCompletionRate: Indicator = {
  link: {
    service: 'funds',
    path: '/projects/{id}',
    label: { zh: '已入库未完工的项目', en: 'Approved projects not completed' },
  },
  facts: ['project'],
  measure: projectRate((p, last) => dayOf(p, 'completedOn', last) || dayOf(p, 'acceptedOn', last)),
};
