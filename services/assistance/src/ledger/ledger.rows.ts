import type { BenefitRow } from '@fupin/contracts';
import { MeasureCategory, shanghaiDateOf } from '@fupin/reference';
import type { Measure } from '../measures/measure.model';

// 受益底册, the assistance rows, pure: each 帮扶措施 with an amount, not cancelled — paid once
// done (on its end day), recorded before; with the funds project it names, so the ledger can
// check it against the funds service's payments.

const yearOf = (day: string) => Number(day.slice(0, 4));

/** A measure's row, when it has an amount and was not cancelled. */
export function measureRows(measures: Measure[]): BenefitRow[] {
  return measures
    .filter((m) => m.status !== 'cancelled' && m.amountFen !== null && m.amountFen > 0)
    .map((m) => {
      const done = m.status === 'done';
      const on = done ? (m.endDate ?? shanghaiDateOf(m.updatedAt)) : null;
      const start = m.startDate ?? shanghaiDateOf(m.createdAt);
      const category = MeasureCategory[m.category];
      const inKind = m.quantity !== null ? ` ${m.quantity}${m.unit ?? ''}` : '';
      return {
        id: m._id,
        source: 'assistance',
        kind: 'measure',
        householdId: m.householdId,
        areaCode: m.areaCode,
        year: yearOf(on ?? start),
        on,
        amountFen: m.amountFen ?? 0,
        status: done ? 'paid' : 'recorded',
        label: {
          'zh-CN': `帮扶措施 ${m.type}${inKind}（${category.zh}）`,
          en: `Assistance measure: ${m.type}${inKind} (${category.en})`,
        },
        projectId: m.projectId,
        memberId: null,
        ref: { resource: 'measures', id: m._id },
      };
    });
}
