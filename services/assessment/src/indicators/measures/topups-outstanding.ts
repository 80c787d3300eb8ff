import type { RecordItem } from '../../rankings/ranking.model';
import { HEALTH_DEPARTMENTS, type Indicator, yuan } from '../measurement';

/** 追补未到位 — the top-ups of in-patient episodes still owed. */
export const topupsOutstanding: Indicator = {
  link: {
    service: 'support',
    path: '/health/inpatient-episodes/{id}',
    label: {
      zh: '追补未到位的住院记录（备注为欠付金额）',
      en: 'In-patient episodes with a top-up owed (note: amount owed)',
    },
  },
  facts: ['episode'],
  measure({ unit, result, none, factsOf }) {
    if (unit.kind === 'department' && !HEALTH_DEPARTMENTS.includes(unit.code)) return none();
    let owed = 0;
    const items: RecordItem[] = [];
    for (const e of factsOf('episode')) {
      const left = Math.max((e.amounts.topUp ?? 0) - (e.amounts.topUpPaid ?? 0), 0);
      if (left > 0) {
        owed += left;
        items.push({ id: e.recordId, note: yuan(left) });
      }
    }
    return result(owed, owed, null, items);
  },
};
