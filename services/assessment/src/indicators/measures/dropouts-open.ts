import type { Indicator } from '../measurement';

/** 未劝返辍学 — dropout cases still open at the period's end. */
export const dropoutsOpen: Indicator = {
  link: {
    service: 'support',
    path: '/education/dropout-cases/{id}',
    label: { zh: '未劝返的辍学个案', en: 'Open dropout cases' },
  },
  facts: ['dropout'],
  measure({ unit, last, result, none, factsOf }) {
    if (unit.kind === 'department' && unit.code !== 'education') return none();
    const open = factsOf('dropout').filter((c) =>
      c.to === null ? c.status !== 'closed' : c.to > last,
    );
    return result(
      open.length,
      open.length,
      null,
      open.map((c) => ({ id: c.recordId })),
    );
  },
};
