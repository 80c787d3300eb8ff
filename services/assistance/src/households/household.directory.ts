import {
  allOf,
  areaWithin,
  bi,
  countyWide,
  escapeRegex,
  type ListQuery,
  notFound,
  type Principal,
  type ProjectedHousehold,
  REGISTERED_HOUSEHOLDS,
  registeredHouseholdInScope,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';

/**
 * Reads that look a household up for a job or an import row (whose caller's scope is then
 * checked on the record it leads to), and the daily county-wide coverage check.
 */
const LOOKUP = countyWide('a household looked up for a job or an import row');

/**
 * In poverty or under monitoring (未脱贫, 返贫, 脱贫不稳定户, 边缘易致贫户, 突发严重困难户):
 * the households that must have a responsible helper (帮扶责任人).
 */
export const NEEDY_STATUSES = [
  'in_poverty',
  'returned',
  'unstable',
  'marginal',
  'sudden_hardship',
] as const;

/** Statuses a household can be paired in: registered, not refused or still being identified. */
const PAIRABLE = new Set([...NEEDY_STATUSES, 'exited']);

/** What assistance shows of a registry household: its area, status, attribute, causes, size. */
export interface HouseholdView {
  id: string;
  householdNo: string;
  areaCode: string;
  groupNo: number | null;
  headName: string | null;
  status: string;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  size: number;
  perCapitaIncomeFen: number | null;
  incomeYear: number | null;
  housingGrade: string | null;
  guarantees: Record<string, boolean>;
  exitYear: number | null;
  revision: number;
}

export interface HouseholdFilter {
  area?: string;
  status?: string[];
  q?: string;
  id?: string[];
  /** Only households with (true) or without (false) an active pairing. */
  paired?: boolean;
}

export function headNameOf(h: Pick<ProjectedHousehold, 'members'>): string | null {
  return h.members.find((m) => m.relation === 'head' && m.status === 'active')?.name ?? null;
}

export function householdView(h: ProjectedHousehold): HouseholdView {
  return {
    id: h._id,
    householdNo: h.householdNo,
    areaCode: h.areaCode,
    groupNo: h.groupNo,
    headName: headNameOf(h),
    status: h.status,
    attribute: h.attribute,
    mainCause: h.mainCause,
    otherCauses: h.otherCauses,
    size: h.size,
    perCapitaIncomeFen: h.perCapitaIncomeFen,
    incomeYear: h.incomeYear,
    housingGrade: h.housingGrade,
    guarantees: h.guarantees,
    exitYear: h.exitYear,
    revision: h.revision,
  };
}

const HOUSEHOLD = bi('贫困户', 'Household');

/**
 * 建档立卡户 as this service knows them: the registry projection (kept by the kit's
 * RegistryProjection from registry events), always read inside the caller's area scope.
 */
export class HouseholdDirectory {
  constructor(private readonly households: ScopedRepository<ProjectedHousehold>) {}

  /** A registered household in the caller's scope, or 404 (one outside it is not revealed). */
  async get(p: Principal, id: string): Promise<ProjectedHousehold> {
    const h = await registeredHouseholdInScope(this.households, p, id);
    if (!h) throw notFound(HOUSEHOLD, 'ASSISTANCE_HOUSEHOLD_NOT_FOUND');
    return h;
  }

  /** A household that may be paired, planned or visited: registered and not refused. */
  async getActive(p: Principal, id: string, field = 'householdId'): Promise<ProjectedHousehold> {
    const h = await this.get(p, id);
    if (!PAIRABLE.has(h.status as (typeof NEEDY_STATUSES)[number])) {
      throw unprocessable(
        'ASSISTANCE_HOUSEHOLD_NOT_REGISTERED',
        bi(
          `该户当前状态（${h.status}）不在建档立卡帮扶范围内`,
          `The household's status (${h.status}) is outside registered assistance`,
        ),
        [{ field, code: 'status', message: bi('状态不符', 'wrong status') }],
      );
    }
    return h;
  }

  /** A registered household by its number, inside the caller's scope (null otherwise). */
  async byNo(p: Principal, householdNo: string): Promise<ProjectedHousehold | null> {
    return this.households.findOne(p, { householdNo, ...REGISTERED_HOUSEHOLDS });
  }

  async byIds(ids: string[]): Promise<Map<string, ProjectedHousehold>> {
    if (ids.length === 0) return new Map();
    const rows = await this.households.find(LOOKUP, { _id: { $in: [...new Set(ids)] } });
    return new Map(rows.map((h) => [h._id, h]));
  }

  /** A list's own conditions; the directory adds the caller's scope. */
  filterOf(f: HouseholdFilter, pairedIds?: string[]): Record<string, unknown> {
    const and: Record<string, unknown>[] = [REGISTERED_HOUSEHOLDS];
    if (f.area) and.push(areaWithin(f.area));
    if (f.status?.length) and.push({ status: { $in: f.status } });
    if (f.q) and.push({ householdNo: { $regex: `^${escapeRegex(f.q.trim())}` } });
    if (f.id?.length) and.push({ _id: { $in: f.id } });
    if (f.paired !== undefined && pairedIds)
      and.push({ _id: f.paired ? { $in: pairedIds } : { $nin: pairedIds } });
    return allOf(...and);
  }

  async list(
    p: Principal,
    q: ListQuery<HouseholdFilter>,
    pairedIds?: string[],
  ): Promise<{ items: HouseholdView[]; total: number }> {
    const filter = this.filterOf(q.filter, pairedIds);
    const { items, total } = await this.households.page(p, filter, q);
    return { items: items.map(householdView), total };
  }

  /** Every household that must have a helper (the daily county-wide check; no caller scope). */
  async allNeedy(): Promise<Pick<ProjectedHousehold, '_id' | 'householdNo' | 'areaCode'>[]> {
    return this.households.find(
      LOOKUP,
      { ...REGISTERED_HOUSEHOLDS, status: { $in: [...NEEDY_STATUSES] } },
      { projection: { householdNo: 1, areaCode: 1 } },
    );
  }

  cursor(p: Principal, f: HouseholdFilter, pairedIds?: string[]) {
    return this.households.cursor(p, this.filterOf(f, pairedIds), {
      sort: { areaCode: 1, householdNo: 1, _id: 1 },
    });
  }
}

/** A household the registry moved to another village: records that copy its area follow it. */
export interface HouseholdMove {
  householdId: string;
  areaCode: string;
}
