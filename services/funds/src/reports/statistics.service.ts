import { areaInScope, type Principal, type ScopedRepository } from '@fupin/kit';
import type { ProjectStatus } from '@fupin/reference';
import type { FundBatch } from '../batches/batch.model';
import { rates } from '../projects/project.machine';
import { type Money, type Project, SOURCES } from '../projects/project.model';
import { type WorkFields, workCompletionRatePercent } from '../progress/progress.rules';
import { sumFen } from '../shared/money';

export const PROJECT_GROUPINGS = ['township', 'type', 'year'] as const;
export type ProjectGrouping = (typeof PROJECT_GROUPINGS)[number];
export const BALANCE_GROUPINGS = ['township', 'source', 'project'] as const;
export type BalanceGrouping = (typeof BALANCE_GROUPINGS)[number];

const FIELD: Record<ProjectGrouping, string> = {
  township: '$townshipCode',
  type: '$type',
  year: '$year',
};

export interface BalanceRow extends Money {
  key: string;
  label?: string;
  projects?: number;
  /** 资金拨付率 — disbursed over allocated, one decimal; null without allocations. */
  disbursementRatePercent: number | null;
  issuedFen?: number;
  arrivedFen?: number;
}

interface Tally {
  counts: Partial<Record<ProjectStatus, number>>;
  planned: number;
  work: WorkFields[];
}
const tally = (): Tally => ({ counts: {}, planned: 0, work: [] });

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

/** Project counts with start and completion rates, and balances per township, source or project. */
export class StatisticsService {
  constructor(
    private readonly deps: {
      projects: ScopedRepository<Project>;
      batches: ScopedRepository<FundBatch>;
    },
  ) {}

  /**
   * 开工率 / 完成率 by township, type or year, within the caller's scope: the count-based rates
   * and the completion rate as a share of the work (each project's reported progress weighted
   * by its planned investment).
   */
  async projects(p: Principal, by: ProjectGrouping) {
    const groups = await this.deps.projects.aggregate<{
      _id: { key: string | number; status: ProjectStatus; percent?: number | null };
      n: number;
      planned: number;
    }>(p, [
      {
        $group: {
          _id: { key: FIELD[by], status: '$status', percent: '$progressPercent' },
          n: { $sum: 1 },
          planned: { $sum: '$plannedTotalFen' },
        },
      },
    ]);
    const byKey = new Map<string, Tally>();
    const all = tally();
    for (const g of groups) {
      const key = String(g._id.key);
      const row = byKey.get(key) ?? tally();
      for (const t of [row, all]) {
        t.counts[g._id.status] = (t.counts[g._id.status] ?? 0) + g.n;
        t.planned = sumFen([t.planned, g.planned]);
        t.work.push({
          status: g._id.status,
          plannedTotalFen: g.planned,
          progressPercent: g._id.percent ?? null,
        });
      }
      byKey.set(key, row);
    }
    const shape = (t: Tally) => ({
      total: Object.values(t.counts).reduce((s, n) => s + n, 0),
      byStatus: t.counts,
      plannedTotalFen: t.planned,
      ...rates(t.counts),
      workCompletionRatePercent: workCompletionRatePercent(t.work),
    });
    return {
      by,
      rows: [...byKey.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, r]) => ({ key, ...shape(r) })),
      totals: shape(all),
    };
  }

  /** 结余 — allocated, reserved, disbursed and available per township, source or project. */
  async balances(
    p: Principal,
    by: BalanceGrouping,
  ): Promise<{ by: BalanceGrouping; rows: BalanceRow[]; totals: BalanceRow }> {
    const money = (prefix: string) => ({
      allocatedFen: { $sum: `$${prefix}.allocatedFen` },
      reservedFen: { $sum: `$${prefix}.reservedFen` },
      disbursedFen: { $sum: `$${prefix}.disbursedFen` },
      availableFen: { $sum: `$${prefix}.availableFen` },
    });
    let rows: BalanceRow[];
    if (by === 'source') {
      const [sums] = await this.deps.projects.aggregate<Record<string, number>>(p, [
        {
          $group: {
            _id: null,
            ...Object.fromEntries(
              SOURCES.flatMap((s) =>
                Object.entries(money(`funding.${s}`)).map(([k, v]) => [`${s}__${k}`, v]),
              ),
            ),
          },
        },
      ]);
      const batches = await this.deps.batches.aggregate<{
        _id: string;
        issued: number;
        arrived: number;
      }>(p, [
        {
          $group: {
            _id: '$source',
            issued: { $sum: '$amountFen' },
            arrived: { $sum: '$arrivedFen' },
          },
        },
      ]);
      // Whole batches are counted only for a county-wide caller: a township sees its part.
      const countyWide = areaInScope(p, `${p.areaCode.slice(0, 6)}000000`);
      rows = SOURCES.map((s) => {
        const m = (k: keyof Money) => sums?.[`${s}__${k}`] ?? 0;
        const b = batches.find((x) => x._id === s);
        return withRate({
          key: s,
          allocatedFen: m('allocatedFen'),
          reservedFen: m('reservedFen'),
          disbursedFen: m('disbursedFen'),
          availableFen: m('availableFen'),
          ...(countyWide ? { issuedFen: b?.issued ?? 0, arrivedFen: b?.arrived ?? 0 } : {}),
        });
      }).filter((r) => r.allocatedFen > 0 || (r.issuedFen ?? 0) > 0);
    } else if (by === 'township') {
      const groups = await this.deps.projects.aggregate<Money & { _id: string; projects: number }>(
        p,
        [
          { $group: { _id: '$townshipCode', projects: { $sum: 1 }, ...money('money') } },
          { $sort: { _id: 1 } },
        ],
      );
      rows = groups.map(({ _id, ...m }) => withRate({ key: _id, ...m }));
    } else {
      const projects = await this.deps.projects.find(
        p,
        {},
        {
          projection: { code: 1, name: 1, money: 1 },
          sort: { 'money.availableFen': -1, code: 1 },
          limit: 1000,
        },
      );
      rows = projects.map((x) => withRate({ key: x.code, label: x.name, ...x.money }));
    }
    const total = (k: keyof Money) => sumFen(rows.map((r) => r[k]));
    return {
      by,
      rows,
      totals: withRate({
        key: 'total',
        allocatedFen: total('allocatedFen'),
        reservedFen: total('reservedFen'),
        disbursedFen: total('disbursedFen'),
        availableFen: total('availableFen'),
      }),
    };
  }
}

function withRate(r: Omit<BalanceRow, 'disbursementRatePercent'>): BalanceRow {
  return { ...r, disbursementRatePercent: rate(r.disbursedFen, r.allocatedFen) };
}
