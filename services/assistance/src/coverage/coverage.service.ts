import {
  areaInScope,
  type ListQuery,
  notFound,
  type Principal,
  bi,
} from '@fupin/kit';
import { childAreaOf } from '../common/scope';
import type { HelperService } from '../helpers/helper.service';
import {
  type HouseholdDirectory,
  type HouseholdFilter,
  NEEDY_STATUSES,
} from '../households/household.directory';
import type { PairingService } from '../pairings/pairing.service';
import {
  type CoverageReport,
  type CoverageReportModel,
  type CoverageRow,
  REPORT_HOUSEHOLDS,
} from './coverage-report.model';
import { shanghaiDateOf } from '@fupin/reference';

export interface UncoveredFilter {
  area?: string;
  status?: string[];
  q?: string;
}

/**
 * 帮扶责任人全覆盖 — every household in poverty or under monitoring must have an active
 * pairing. Lists the ones without, live or as the daily job recorded them.
 */
export class CoverageService {
  constructor(
    private readonly deps: {
      households: HouseholdDirectory;
      pairings: PairingService;
      helpers: HelperService;
      reports: CoverageReportModel;
      now: () => Date;
    },
  ) {}

  private needyFilter(f: UncoveredFilter): HouseholdFilter {
    const allowed = new Set<string>(NEEDY_STATUSES);
    const status = f.status?.length ? f.status.filter((s) => allowed.has(s)) : [...NEEDY_STATUSES];
    return {
      ...(f.area ? { area: f.area } : {}),
      ...(f.q ? { q: f.q } : {}),
      // A status outside the rule asks for nothing: keep the filter impossible rather than wide.
      status: status.length ? status : ['-'],
      paired: false,
    };
  }

  async uncovered(p: Principal, q: ListQuery<UncoveredFilter>) {
    const paired = await this.deps.pairings.pairedHouseholdIds(p, q.filter.area);
    return this.deps.households.list(p, { ...q, filter: this.needyFilter(q.filter) }, paired);
  }

  async uncoveredCursor(p: Principal, f: UncoveredFilter) {
    const paired = await this.deps.pairings.pairedHouseholdIds(p, f.area);
    return this.deps.households.cursor(p, this.needyFilter(f), paired);
  }

  /** Needy, covered and uncovered households by the area one level below the scope. */
  async summary(p: Principal, area?: string): Promise<{ areaCode: string; total: CoverageRow; byArea: CoverageRow[] }> {
    const scope = area ?? p.areaCode;
    const paired = new Set(await this.deps.pairings.pairedHouseholdIds(p, area));
    const rows = new Map<string, CoverageRow>();
    const total: CoverageRow = { areaCode: scope, needy: 0, covered: 0, uncovered: 0 };
    for await (const h of this.deps.households.cursor(p, {
      ...(area ? { area } : {}),
      status: [...NEEDY_STATUSES],
    })) {
      const key = childAreaOf(h.areaCode, scope);
      const row = rows.get(key) ?? { areaCode: key, needy: 0, covered: 0, uncovered: 0 };
      const covered = paired.has(h._id);
      for (const r of [row, total]) {
        r.needy++;
        if (covered) r.covered++;
        else r.uncovered++;
      }
      rows.set(key, row);
    }
    return {
      areaCode: scope,
      total,
      byArea: [...rows.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
    };
  }

  /**
   * The daily check, county-wide: records today's report (re-running the same day replaces
   * it) and repairs the helpers' pairing counters from the pairings themselves.
   */
  async runDaily(): Promise<CoverageReport> {
    const now = this.deps.now();
    const [needy, paired, loads, helpers] = await Promise.all([
      this.deps.households.allNeedy(),
      this.deps.pairings.pairedHouseholdIds(null),
      this.deps.pairings.activeLoads(),
      this.deps.helpers.allIds(),
    ]);
    const pairedSet = new Set(paired);
    const rows = new Map<string, CoverageRow>();
    const uncovered: CoverageReport['uncovered'] = [];
    let uncoveredTotal = 0;
    for (const h of needy) {
      const township = h.areaCode.slice(0, 9).padEnd(12, '0');
      const row = rows.get(township) ?? { areaCode: township, needy: 0, covered: 0, uncovered: 0 };
      row.needy++;
      if (pairedSet.has(h._id)) row.covered++;
      else {
        row.uncovered++;
        uncoveredTotal++;
        if (uncovered.length < REPORT_HOUSEHOLDS)
          uncovered.push({ id: h._id, householdNo: h.householdNo, areaCode: h.areaCode });
      }
      rows.set(township, row);
    }
    let loadsRepaired = 0;
    for (const helper of helpers) {
      const actual = loads.get(helper._id) ?? { key: 0, contact: 0 };
      if (actual.key !== helper.load.key || actual.contact !== helper.load.contact) {
        if (await this.deps.helpers.setLoad(helper._id, actual)) loadsRepaired++;
      }
    }
    const report: CoverageReport = {
      _id: shanghaiDateOf(now),
      at: now,
      byArea: [...rows.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode)),
      uncovered: uncovered.sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.householdNo.localeCompare(b.householdNo)),
      uncoveredTotal,
      truncated: uncoveredTotal > uncovered.length,
      loadsRepaired,
    };
    await this.deps.reports.replaceOne({ _id: report._id }, report, { upsert: true });
    return report;
  }

  /**
   * A report as the caller may see it: the rows and households of their area only. A day's
   * report is one county-wide document (not an area-scoped collection), so its rows are
   * filtered here, with the repository's own test of an area against the caller's scope.
   */
  private scoped(p: Principal, r: CoverageReport) {
    // A village user sees no township row (it counts other villages), only its households.
    const byArea = r.byArea.filter((row) => areaInScope(p, row.areaCode));
    const uncovered = r.uncovered.filter((h) => areaInScope(p, h.areaCode));
    return {
      id: r._id,
      date: r._id,
      at: r.at,
      byArea,
      uncoveredTotal: byArea.length
        ? byArea.reduce((n, row) => n + row.uncovered, 0)
        : uncovered.length,
      truncated: r.truncated,
      uncovered,
    };
  }

  async reports(p: Principal, q: ListQuery<unknown>) {
    const [items, total] = await Promise.all([
      this.deps.reports
        .find({}, { uncovered: 0 })
        .sort(q.sort)
        .skip(q.skip)
        .limit(q.limit)
        .lean<CoverageReport[]>(),
      // Reports are not scoped: the whole collection, counted from its metadata.
      this.deps.reports.estimatedDocumentCount(),
    ]);
    return {
      items: items.map((r) => {
        const { uncovered: _u, ...rest } = this.scoped(p, { ...r, uncovered: [] });
        return rest;
      }),
      total,
    };
  }

  async report(p: Principal, date: string) {
    const r = await this.deps.reports.findById(date).lean<CoverageReport>();
    if (!r) throw notFound(bi('覆盖检查报告', 'Coverage report'), 'ASSISTANCE_COVERAGE_REPORT_NOT_FOUND');
    return this.scoped(p, r);
  }
}
