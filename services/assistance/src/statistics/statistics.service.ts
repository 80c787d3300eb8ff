import type { Principal } from '@fupin/kit';
import { labelOf, MeasureCategory } from '@fupin/reference';
import type { CoverageService } from '../coverage/coverage.service';
import {
  MEASURE_CATEGORIES,
  MEASURE_STATUSES,
  type MeasureStatus,
} from '../measures/measure.model';
import type { MeasureService } from '../measures/measure.service';
import type { MonthVisitStats, VisitService } from '../visits/visit.service';

export interface CategoryRow {
  category: string;
  label: { 'zh-CN': string; en: string };
  /** One of the 五个一批. */
  fiveBatches: boolean;
  total: number;
  byStatus: Record<MeasureStatus, number>;
  amountFen: number;
}

/** The dashboard's assistance figures: coverage, visits of a month, measures by category. */
export class StatisticsService {
  constructor(
    private readonly deps: {
      coverage: CoverageService;
      visits: VisitService;
      measures: MeasureService;
    },
  ) {}

  coverage(p: Principal, area?: string) {
    return this.deps.coverage.summary(p, area);
  }

  async visits(p: Principal, month: string | undefined, area?: string) {
    const m = this.deps.visits.monthOf(month);
    const byArea = await this.deps.visits.monthStats(p, m, area);
    const total = byArea.reduce<Omit<MonthVisitStats, 'areaCode'>>(
      (t, r) => ({
        householdsDue: t.householdsDue + r.householdsDue,
        householdsVisited: t.householdsVisited + r.householdsVisited,
        householdsUnvisited: t.householdsUnvisited + r.householdsUnvisited,
        visits: t.visits + r.visits,
        lateEntries: t.lateEntries + r.lateEntries,
      }),
      { householdsDue: 0, householdsVisited: 0, householdsUnvisited: 0, visits: 0, lateEntries: 0 },
    );
    return {
      areaCode: area ?? p.areaCode,
      month: m,
      total: {
        ...total,
        /** Share of due households visited, in percent with one decimal (null when none due). */
        visitedPercent: total.householdsDue
          ? Math.round((total.householdsVisited / total.householdsDue) * 1000) / 10
          : null,
      },
      byArea,
    };
  }

  async measures(p: Principal, area?: string) {
    const rows = await this.deps.measures.byCategory(p, area);
    const byCategory: CategoryRow[] = MEASURE_CATEGORIES.map((category) => ({
      category,
      label: {
        'zh-CN': labelOf(MeasureCategory, category, 'zh-CN'),
        en: labelOf(MeasureCategory, category, 'en'),
      },
      fiveBatches: MeasureCategory[category].fiveBatches,
      total: 0,
      byStatus: Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<
        MeasureStatus,
        number
      >,
      amountFen: 0,
    }));
    for (const r of rows) {
      const row = byCategory.find((c) => c.category === r._id.category);
      if (!row) continue;
      row.total += r.n;
      row.byStatus[r._id.status] += r.n;
      // Cancelled measures delivered nothing: their amounts are left out.
      if (r._id.status !== 'cancelled') row.amountFen += r.amountFen ?? 0;
    }
    return { areaCode: area ?? p.areaCode, byCategory };
  }
}
