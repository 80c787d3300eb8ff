import { BENEFIT_SOURCES, type BenefitRow, type BenefitSource } from '@fupin/contracts';
import type { Bilingual } from '@fupin/kit';
import type { SourceOutcome } from './ledger.client';

// 受益底册: the rows the sources answered, grouped by year and source with totals. Pure: what
// each source answered in, the ledger out — a source the caller has no right to, or one that
// did not answer, is left out and says why (as in the dossier).

export interface LedgerTotals {
  count: number;
  /** Every counted row's amount: paid, granted and recorded. */
  totalFen: number;
  /** What reached the household (`paid`), counted once. */
  paidFen: number;
}

/**
 * Whether a row's money counts in the totals. A 帮扶措施 that names a funds project records a
 * benefit that project pays: the money is the funds' payment rows, and counting the measure too
 * would count it twice (the cross-check compares the two). It is listed all the same.
 */
export const countsInTotals = (r: Pick<BenefitRow, 'source' | 'kind' | 'projectId'>): boolean =>
  !(r.source === 'assistance' && r.kind === 'measure' && r.projectId !== null);

export interface LedgerSourceGroup extends LedgerTotals {
  source: BenefitSource;
  rows: BenefitRow[];
}

export interface LedgerYear extends LedgerTotals {
  year: number;
  sources: LedgerSourceGroup[];
}

export type LedgerSourceView =
  | { source: BenefitSource; status: 'ok'; count: number }
  | { source: BenefitSource; status: 'no_right' | 'unavailable'; message: Bilingual };

export interface HouseholdLedger extends LedgerTotals {
  householdId: string;
  householdNo: string;
  generatedAt: string;
  /** Oldest year first; in a year the sources in their order, their rows by day (undated last). */
  years: LedgerYear[];
  sources: LedgerSourceView[];
}

const totalsOf = (rows: BenefitRow[]): LedgerTotals => {
  const counted = rows.filter(countsInTotals);
  return {
    count: rows.length,
    totalFen: counted.reduce((s, r) => s + r.amountFen, 0),
    paidFen: counted.reduce((s, r) => s + (r.status === 'paid' ? r.amountFen : 0), 0),
  };
};

/** Rows by day (undated ones last), then by id: the ledger's order within a source. */
const byDay = (a: BenefitRow, b: BenefitRow) =>
  (a.on ?? '9999') < (b.on ?? '9999')
    ? -1
    : (a.on ?? '9999') > (b.on ?? '9999')
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** The rows grouped by year (oldest first) and source (in BENEFIT_SOURCES' order), with totals. */
export function groupByYear(rows: BenefitRow[]): LedgerYear[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = rows.filter((r) => r.year === year);
    const sources = BENEFIT_SOURCES.flatMap((source) => {
      const of = ofYear.filter((r) => r.source === source).sort(byDay);
      return of.length ? [{ source, ...totalsOf(of), rows: of }] : [];
    });
    return { year, ...totalsOf(ofYear), sources };
  });
}

/** Each source's outcome: how many rows it gave, or why it is left out. */
export function sourceViews(
  outcomes: Partial<Record<BenefitSource, SourceOutcome>>,
): LedgerSourceView[] {
  return BENEFIT_SOURCES.flatMap((source): LedgerSourceView[] => {
    const o = outcomes[source];
    if (!o) return [];
    return o.status === 'ok'
      ? [{ source, status: 'ok', count: o.rows.length }]
      : [{ source, status: o.status, message: o.message }];
  });
}

/** Every row the sources answered, in the sources' order. */
export const rowsOf = (outcomes: Partial<Record<BenefitSource, SourceOutcome>>): BenefitRow[] =>
  BENEFIT_SOURCES.flatMap((s) => {
    const o = outcomes[s];
    return o?.status === 'ok' ? o.rows : [];
  });

export function householdLedger(
  household: { id: string; householdNo: string },
  outcomes: Partial<Record<BenefitSource, SourceOutcome>>,
  now: Date,
): HouseholdLedger {
  const rows = rowsOf(outcomes).filter((r) => r.householdId === household.id);
  return {
    householdId: household.id,
    householdNo: household.householdNo,
    generatedAt: now.toISOString(),
    ...totalsOf(rows),
    years: groupByYear(rows),
    sources: sourceViews(outcomes),
  };
}

/** One line of the totals sheet: a household's year of one source. */
export interface HouseholdYearTotal extends LedgerTotals {
  householdId: string;
  year: number;
  source: BenefitSource;
}

/** Totals by household × year × source, in that order (sources in BENEFIT_SOURCES' order). */
export function totalsByHousehold(rows: BenefitRow[]): HouseholdYearTotal[] {
  const groups = new Map<string, BenefitRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.householdId, r.year, BENEFIT_SOURCES.indexOf(r.source)]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()]
    .map((g) => ({
      householdId: g[0]!.householdId,
      year: g[0]!.year,
      source: g[0]!.source,
      ...totalsOf(g),
    }))
    .sort(
      (a, b) =>
        (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0) ||
        a.year - b.year ||
        BENEFIT_SOURCES.indexOf(a.source) - BENEFIT_SOURCES.indexOf(b.source),
    );
}
