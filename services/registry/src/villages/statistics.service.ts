import { areaRange, areaWithin, type Principal, type ScopedRepository } from '@fupin/kit';
import { areaLevel, codesOf, type AreaLevel, PovertyCause } from '@fupin/reference';
import type { Area } from '../areas/area.model';
import { HOUSEHOLD_STATUSES, type Household } from '../households/household.model';
import type { ExitTargetService } from './exit-target.service';
import type { Village } from './village.model';
import {
  addTally,
  emptyTally,
  EXITED_STATUSES,
  povertyIncidencePercent,
  REGISTERED_STATUSES,
  STILL_POOR_STATUSES,
  type Tally,
} from './village.rules';

export interface AreaBreakdown {
  areaCode: string;
  /** Set when the breakdown is by villager group (a village's statistics). */
  groupNo: number | null;
  name: string;
  total: Tally;
  registered: Tally;
  stillPoor: Tally;
}

/** The dashboard's household counts for one area. */
export interface HouseholdStatistics {
  areaCode: string;
  total: Tally;
  registered: Tally;
  stillPoor: Tally;
  byStatus: ({ status: string } & Tally)[];
  byAttribute: ({ attribute: string | null } & Tally)[];
  byMainCause: ({ cause: string | null } & Tally)[];
  byCause: { cause: string; households: number }[];
  byArea: AreaBreakdown[];
}

export interface IncidenceRow {
  areaCode: string;
  name: string;
  parentCode: string | null;
  villages: number;
  /** Villages whose rural population is not recorded: left out of the incidence. */
  villagesWithoutPopulation: number;
  ruralPopulation: number;
  registeredHouseholds: number;
  registeredPeople: number;
  stillPoorHouseholds: number;
  stillPoorPeople: number;
  povertyIncidencePercent: number | null;
}

export interface ExitYear {
  year: number;
  households: number;
  people: number;
  targetHouseholds: number | null;
  targetPeople: number | null;
  /** Whether the year's exits reached the household target; null without a target. */
  targetMet: boolean | null;
}

type GroupRow<K> = { _id: K; households: number; people: number };

const sumStatuses = (byStatus: Map<string, Tally>, statuses: readonly string[]) =>
  statuses.reduce((t, s) => addTally(t, byStatus.get(s) ?? emptyTally()), emptyTally());

/** 统计 — counts by status, attribute, cause and area; poverty incidence; exits against target. */
export class StatisticsService {
  constructor(
    private readonly deps: {
      households: ScopedRepository<Household>;
      areas: ScopedRepository<Area>;
      villages: ScopedRepository<Village>;
      targets: ExitTargetService;
    },
  ) {}

  /** The area asked for, which must lie within the caller's scope; the caller's own by default. */
  scopeOf(p: Principal, area: string | undefined): string {
    if (!area) return p.areaCode;
    this.deps.households.assertWritable(p, area);
    return area;
  }

  /** The households of the area asked for (the repository adds the caller's scope). */
  private match(scope: string, extra: Record<string, unknown> = {}) {
    return { $and: [areaWithin(scope, 'areaCode'), extra] };
  }

  private async group<K>(
    p: Principal,
    match: Record<string, unknown>,
    key: unknown,
    unwind?: string,
  ): Promise<GroupRow<K>[]> {
    return this.deps.households.aggregate<GroupRow<K>>(p, [
      { $match: match },
      ...(unwind ? [{ $unwind: unwind }] : []),
      { $group: { _id: key, households: { $sum: 1 }, people: { $sum: '$size' } } },
    ]);
  }

  async households(p: Principal, area?: string): Promise<HouseholdStatistics> {
    const scope = this.scopeOf(p, area);
    const level = areaLevel(scope);
    const all = this.match(scope);
    const registered = this.match(scope, { status: { $in: REGISTERED_STATUSES } });
    const childKey: ChildKey =
      level === 'village' ? 'groupNo' : level === 'township' ? 'areaCode' : 'townshipCode';
    const causes = codesOf(PovertyCause);
    const [byStatusRows, byChildRows, byAttributeRows, byMainCauseRows, causeCounts] =
      await Promise.all([
        this.group<string>(p, all, '$status'),
        this.group<{ k: string | number | null; s: string }>(p, all, {
          k: `$${childKey}`,
          s: '$status',
        }),
        this.group<string | null>(p, registered, '$attribute'),
        this.group<string | null>(p, registered, '$mainCause'),
        Promise.all(
          causes.map((c) =>
            this.deps.households.count(p, {
              $and: [registered, { $or: [{ mainCause: c }, { otherCauses: c }] }],
            }),
          ),
        ),
      ]);
    const byStatus = new Map(byStatusRows.map((r) => [r._id, tallyOf(r)]));
    return {
      areaCode: scope,
      total: [...byStatus.values()].reduce(addTally, emptyTally()),
      registered: sumStatuses(byStatus, REGISTERED_STATUSES),
      stillPoor: sumStatuses(byStatus, STILL_POOR_STATUSES),
      byStatus: HOUSEHOLD_STATUSES.map((status) => ({
        status,
        ...(byStatus.get(status) ?? emptyTally()),
      })),
      byAttribute: byAttributeRows
        .map((r) => ({ attribute: r._id ?? null, ...tallyOf(r) }))
        .sort((a, b) => b.households - a.households),
      byMainCause: byMainCauseRows
        .map((r) => ({ cause: r._id ?? null, ...tallyOf(r) }))
        .sort((a, b) => b.households - a.households),
      byCause: causes
        .map((cause, i) => ({ cause, households: causeCounts[i] ?? 0 }))
        .filter((c) => c.households > 0)
        .sort((a, b) => b.households - a.households),
      byArea: await this.breakdown(p, scope, childKey, byChildRows),
    };
  }

  /** Joins the counts per sub-area (or villager group) with the names, listing empty ones too. */
  private async breakdown(
    p: Principal,
    scope: string,
    childKey: ChildKey,
    rows: GroupRow<{ k: string | number | null; s: string }>[],
  ): Promise<AreaBreakdown[]> {
    const byChild = new Map<string, Map<string, Tally>>();
    for (const r of rows) {
      const k = r._id.k === null || r._id.k === undefined ? '' : String(r._id.k);
      const m = byChild.get(k) ?? new Map<string, Tally>();
      m.set(r._id.s, tallyOf(r));
      byChild.set(k, m);
    }
    const names = new Map<string, string>();
    if (childKey === 'groupNo') {
      const v = await this.deps.villages.findOne(p, { code: scope }, { projection: { groups: 1 } });
      for (const g of v?.groups ?? []) names.set(String(g.no), g.name);
    } else {
      const level: AreaLevel = childKey === 'areaCode' ? 'village' : 'township';
      const children = await this.deps.areas.find(
        p,
        { ...areaWithin(scope, 'code'), level, status: 'active' },
        { projection: { name: 1 } },
      );
      for (const c of children) names.set(c._id, c.name);
    }
    const keys = [...new Set([...names.keys(), ...byChild.keys()])].sort((a, b) =>
      childKey === 'groupNo' ? Number(a || 1e9) - Number(b || 1e9) : a.localeCompare(b),
    );
    return keys.map((k) => {
      const byStatus = byChild.get(k) ?? new Map<string, Tally>();
      return {
        areaCode: childKey === 'groupNo' ? scope : k,
        groupNo: childKey === 'groupNo' && k !== '' ? Number(k) : null,
        name: names.get(k) ?? '',
        total: [...byStatus.values()].reduce(addTally, emptyTally()),
        registered: sumStatuses(byStatus, REGISTERED_STATUSES),
        stillPoor: sumStatuses(byStatus, STILL_POOR_STATUSES),
      };
    });
  }

  /**
   * 贫困发生率 per village or per township of the area. A township's incidence is its villages'
   * poor people over their rural population, over the villages whose population is recorded.
   */
  async povertyIncidence(
    p: Principal,
    level: 'village' | 'township',
    area?: string,
  ): Promise<{ areaCode: string; level: string; overall: IncidenceRow; rows: IncidenceRow[] }> {
    const scope = this.scopeOf(p, area);
    const [villageAreas, townshipAreas, scopeArea, tallyRows] = await Promise.all([
      this.deps.areas.find(
        p,
        { code: areaRange(scope), level: 'village', status: 'active' },
        { sort: { code: 1 } },
      ),
      this.deps.areas.find(
        p,
        { code: areaRange(scope), level: 'township', status: 'active' },
        { sort: { code: 1 } },
      ),
      this.deps.areas.findOne(p, { code: scope }),
      this.group<{ a: string; s: string }>(p, this.match(scope), { a: '$areaCode', s: '$status' }),
    ]);
    const facts = await this.deps.villages.find(
      p,
      { code: { $in: villageAreas.map((v) => v.code) } },
      { projection: { ruralPopulation: 1 } },
    );
    const population = new Map(facts.map((f) => [f._id, f.ruralPopulation]));
    const tallies = new Map<string, Map<string, Tally>>();
    for (const r of tallyRows) {
      const m = tallies.get(r._id.a) ?? new Map<string, Tally>();
      m.set(r._id.s, tallyOf(r));
      tallies.set(r._id.a, m);
    }
    const villageRows = villageAreas.map((v) =>
      incidenceOf(v.code, v.name, v.parentCode, [
        { population: population.get(v.code) ?? null, byStatus: tallies.get(v.code) },
      ]),
    );
    const combine = (code: string, name: string, parent: string | null, rows: IncidenceRow[]) =>
      incidenceOf(
        code,
        name,
        parent,
        rows.map((r) => ({
          population: r.villagesWithoutPopulation ? null : r.ruralPopulation,
          byStatus: tallies.get(r.areaCode),
        })),
      );
    const rows =
      level === 'village'
        ? villageRows
        : townshipAreas.map((t) =>
            combine(
              t.code,
              t.name,
              t.parentCode,
              villageRows.filter((v) => v.parentCode === t.code),
            ),
          );
    return {
      areaCode: scope,
      level,
      overall: combine(scope, scopeArea?.name ?? '', scopeArea?.parentCode ?? null, villageRows),
      rows,
    };
  }

  /** 年度脱贫 — households that exited each year, against the year's target for the area. */
  async exits(
    p: Principal,
    opts: { area?: string; from?: number; to?: number },
  ): Promise<{ areaCode: string; years: ExitYear[] }> {
    const scope = this.scopeOf(p, opts.area);
    const range: Record<string, number> = {};
    if (opts.from !== undefined) range.$gte = opts.from;
    if (opts.to !== undefined) range.$lte = opts.to;
    const children = await this.deps.areas.find(
      p,
      { parentCode: scope, status: 'active' },
      { projection: { _id: 1 } },
    );
    const [rows, targets] = await Promise.all([
      this.group<number>(
        p,
        this.match(scope, {
          status: { $in: EXITED_STATUSES },
          exitYear: Object.keys(range).length ? range : { $ne: null },
        }),
        '$exitYear',
      ),
      this.deps.targets.byYear(
        p,
        scope,
        children.map((c) => c._id),
      ),
    ]);
    const exits = new Map(rows.map((r) => [r._id, tallyOf(r)]));
    const inRange = (y: number) =>
      (opts.from === undefined || y >= opts.from) && (opts.to === undefined || y <= opts.to);
    const years =
      opts.from !== undefined && opts.to !== undefined
        ? Array.from({ length: opts.to - opts.from + 1 }, (_, i) => (opts.from as number) + i)
        : [...new Set([...exits.keys(), ...targets.keys()])].filter(inRange).sort((a, b) => a - b);
    return {
      areaCode: scope,
      years: years.map((year) => {
        const done = exits.get(year) ?? emptyTally();
        const target = targets.get(year);
        return {
          year,
          households: done.households,
          people: done.people,
          targetHouseholds: target?.households ?? null,
          targetPeople: target?.people ?? null,
          targetMet: target ? done.households >= target.households : null,
        };
      }),
    };
  }
}

type ChildKey = 'groupNo' | 'areaCode' | 'townshipCode';

function tallyOf(r: { households: number; people: number }): Tally {
  return { households: r.households, people: r.people };
}

function incidenceOf(
  areaCode: string,
  name: string,
  parentCode: string | null,
  parts: { population: number | null; byStatus: Map<string, Tally> | undefined }[],
): IncidenceRow {
  let population = 0;
  let poorPeopleCounted = 0;
  let withoutPopulation = 0;
  let registered = emptyTally();
  let stillPoor = emptyTally();
  for (const part of parts) {
    const byStatus = part.byStatus ?? new Map<string, Tally>();
    const poor = sumStatuses(byStatus, STILL_POOR_STATUSES);
    registered = addTally(registered, sumStatuses(byStatus, REGISTERED_STATUSES));
    stillPoor = addTally(stillPoor, poor);
    if (part.population === null) withoutPopulation++;
    else {
      population += part.population;
      poorPeopleCounted += poor.people;
    }
  }
  return {
    areaCode,
    name,
    parentCode,
    villages: parts.length,
    villagesWithoutPopulation: withoutPopulation,
    ruralPopulation: population,
    registeredHouseholds: registered.households,
    registeredPeople: registered.people,
    stillPoorHouseholds: stillPoor.households,
    stillPoorPeople: stillPoor.people,
    povertyIncidencePercent:
      parts.length > withoutPopulation
        ? povertyIncidencePercent(poorPeopleCounted, population)
        : null,
  };
}
