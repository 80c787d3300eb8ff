import type { RecordItem } from '../../rankings/ranking.model';
import { type Indicator, percent, yuan } from '../measurement';

/** 资金拨付率 — money disbursed of the money allocated to the year's projects. */
export const fundDisbursementRate: Indicator = {
  link: {
    service: 'funds',
    path: '/projects/{id}',
    label: {
      zh: '资金未拨付完的项目（备注为未拨付金额）',
      en: 'Projects with money not disbursed (note: amount left)',
    },
  },
  facts: ['project', 'disbursement'],
  measure({ period, data, result, none, factsOf }) {
    const projects = factsOf('project').filter(
      (p) => p.year === period.year && (p.amounts.allocated ?? 0) > 0,
    );
    const allocated = projects.reduce((s, p) => s + (p.amounts.allocated ?? 0), 0);
    if (allocated === 0) return none();
    const paid = new Map<string, number>();
    for (const d of data.facts.get('disbursement') ?? []) {
      const pid = String(d.data.projectId ?? '');
      paid.set(pid, (paid.get(pid) ?? 0) + (d.amounts.amount ?? 0));
    }
    let disbursed = 0;
    const missing: RecordItem[] = [];
    for (const p of projects) {
      const got = paid.get(p.recordId) ?? 0;
      disbursed += got;
      const left = (p.amounts.allocated ?? 0) - got;
      if (left > 0) missing.push({ id: p.recordId, note: yuan(left) });
    }
    return result(percent(disbursed, allocated), disbursed, allocated, missing);
  },
};
