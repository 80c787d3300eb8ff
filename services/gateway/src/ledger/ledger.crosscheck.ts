import type { BenefitRow } from '@fupin/contracts';
import { type Bilingual, bi } from '@fupin/kit';

// The ledger's cross-check: the assistance measures with an amount and a funds project against
// the funds' payments from that project to the household, per household and year. Pure.

export type MismatchKind = 'measure_unpaid' | 'paid_without_measure';

export interface Mismatch {
  kind: MismatchKind;
  householdId: string;
  /** The household's village (of the first row concerned). */
  areaCode: string;
  year: number;
  projectId: string;
  /** The amounts of the household's measures naming the project in the year. */
  measuredFen: number;
  /** What funds paid the household from the project in the year. */
  paidFen: number;
  message: Bilingual;
  /** The rows concerned: the measures, then the payments. */
  rowIds: string[];
}

export const MISMATCH_MESSAGES: Record<MismatchKind, Bilingual> = {
  measure_unpaid: bi('措施已记录但资金未支付', 'Measure recorded but not (fully) paid by funds'),
  paid_without_measure: bi(
    '资金已支付但无对应帮扶措施',
    'Paid by funds without a matching assistance measure',
  ),
};

interface Group {
  householdId: string;
  areaCode: string;
  year: number;
  projectId: string;
  /** Measures naming the project (with or without an amount). */
  measures: BenefitRow[];
  measuredFen: number;
  payments: BenefitRow[];
  paidFen: number;
}

/**
 * For each household, year and project: measures (assistance `measure` rows naming the project)
 * whose amounts sum to more than the paid funds `payment` rows from the project to the
 * household (or none) → 措施已记录但资金未支付; paid payments from a project no measure of the
 * household names that year → 资金已支付但无对应帮扶措施. A measure without an amount claims no
 * payment; rows without a project cannot be checked and are left alone; loans and payments not
 * yet paid do not count as paid. Sorted by household, year, project.
 */
export function crossCheck(rows: BenefitRow[]): Mismatch[] {
  const groups = new Map<string, Group>();
  const groupOf = (r: BenefitRow & { projectId: string }) => {
    const key = JSON.stringify([r.householdId, r.year, r.projectId]);
    let g = groups.get(key);
    if (!g) {
      g = {
        householdId: r.householdId,
        areaCode: r.areaCode,
        year: r.year,
        projectId: r.projectId,
        measures: [],
        measuredFen: 0,
        payments: [],
        paidFen: 0,
      };
      groups.set(key, g);
    }
    return g;
  };
  for (const r of rows) {
    if (r.projectId === null) continue;
    const named = { ...r, projectId: r.projectId };
    if (r.source === 'assistance' && r.kind === 'measure') {
      const g = groupOf(named);
      g.measures.push(r);
      g.measuredFen += Math.max(0, r.amountFen);
    } else if (r.source === 'funds' && r.kind === 'payment' && r.status === 'paid') {
      const g = groupOf(named);
      g.payments.push(r);
      g.paidFen += r.amountFen;
    }
  }
  const found: Mismatch[] = [];
  for (const g of groups.values()) {
    const kind: MismatchKind | null =
      g.measures.length === 0
        ? 'paid_without_measure'
        : g.measuredFen > 0 && g.paidFen < g.measuredFen
          ? 'measure_unpaid'
          : null;
    if (!kind) continue;
    found.push({
      kind,
      householdId: g.householdId,
      areaCode: g.areaCode,
      year: g.year,
      projectId: g.projectId,
      measuredFen: g.measuredFen,
      paidFen: g.paidFen,
      message: MISMATCH_MESSAGES[kind],
      rowIds: [...g.measures, ...g.payments].map((r) => r.id),
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return found.sort(
    (a, b) => cmp(a.householdId, b.householdId) || a.year - b.year || cmp(a.projectId, b.projectId),
  );
}
