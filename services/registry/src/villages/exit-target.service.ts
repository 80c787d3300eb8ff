import {
  bi,
  conflict,
  type ListQuery,
  notFound,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  withOutbox,
  actorOf,
  isDuplicateKey,
  READ_IN_SCOPE,
  type FieldError,
  unprocessable,
} from '@fupin/kit';
import { isWithin } from '@fupin/reference';
import type { Area } from '../areas/area.model';
import { exitTargetSet } from './village.events';
import type { ExitTarget } from './village.model';

export interface ExitTargetInput {
  households: number;
  people?: number | null;
  incidencePercent?: number | null;
  villages?: number | null;
  villageCodes?: string[];
  revision?: number;
}

export interface ExitTargetFilter {
  areaCode?: string;
  year?: number;
}

export type ExitTargetView = Omit<ExitTarget, '_id' | 'outbox' | 'hasOutbox' | 'outboxLease'> & {
  id: string;
};

function view(t: ExitTarget): ExitTargetView {
  const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = t;
  return { id: _id, ...rest };
}

const stale = (currentRevision: number) =>
  conflict(
    'REGISTRY_EXIT_TARGET_STALE',
    bi(
      '该目标已被他人修改，请刷新后重试',
      'The target was changed by someone else; reload and retry',
    ),
    { currentRevision },
  );

/** 年度脱贫目标 — reference data the exit statistics compare against. */
export class ExitTargetService {
  constructor(
    private readonly deps: {
      targets: ScopedRepository<ExitTarget>;
      areas: ScopedRepository<Area>;
      eventsStored?: () => void;
      now?: () => Date;
    },
  ) {}

  async set(
    p: Principal,
    areaCode: string,
    year: number,
    input: ExitTargetInput,
  ): Promise<ExitTargetView> {
    this.deps.targets.assertWritable(p, areaCode);
    const area = await this.deps.areas.findOne(p, { code: areaCode });
    if (!area) throw notFound(bi('地区', 'Area'), 'REGISTRY_AREA_NOT_FOUND');
    const id = `${areaCode}:${year}`;
    const current = await this.deps.targets.findOne(p, { areaCode, year });
    const currentRevision = current?.revision ?? 0;
    if (input.revision !== undefined && input.revision !== currentRevision)
      throw stale(currentRevision);
    const people = input.people ?? null;
    // A field left out keeps what was set: an older client sets households and people only.
    const incidencePercent =
      input.incidencePercent === undefined
        ? (current?.incidencePercent ?? null)
        : input.incidencePercent;
    const villages = input.villages === undefined ? (current?.villages ?? null) : input.villages;
    const villageCodes = [...new Set(input.villageCodes ?? current?.villageCodes ?? [])].sort();
    await this.assertVillagesOf(p, areaCode, villageCodes);
    const same =
      current &&
      current.households === input.households &&
      current.people === people &&
      (current.incidencePercent ?? null) === incidencePercent &&
      (current.villages ?? null) === villages &&
      JSON.stringify(current.villageCodes ?? []) === JSON.stringify(villageCodes);
    if (same) return view(current);
    const next: ExitTarget = {
      _id: id,
      areaCode,
      year,
      households: input.households,
      people,
      incidencePercent,
      villages,
      villageCodes,
      updatedAt: this.deps.now?.() ?? new Date(),
      updatedBy: p.userId,
      revision: currentRevision + 1,
    };
    const event = exitTargetSet(next, actorOf(p));
    if (!current) {
      try {
        await this.deps.targets.create(p, withOutbox(next, [event]) as ExitTarget);
      } catch (err) {
        if (isDuplicateKey(err)) throw stale(currentRevision);
        throw err;
      }
    } else {
      const { _id, ...set } = next;
      const res = await this.deps.targets.updateOne(
        READ_IN_SCOPE,
        { _id, revision: currentRevision },
        outboxUpdate({ $set: set }, [event]),
      );
      if (res.matchedCount !== 1) throw stale(currentRevision);
    }
    this.deps.eventsStored?.();
    return view(next);
  }

  /** The villages named must be villages of the area (the area tree), each once. */
  private async assertVillagesOf(p: Principal, areaCode: string, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    const found = await this.deps.areas.find(
      p,
      { code: { $in: codes }, level: 'village' },
      { projection: { _id: 1 } },
    );
    const known = new Set(found.map((a) => a._id));
    const errors: FieldError[] = codes
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !known.has(c) || !isWithin(c, areaCode))
      .map(({ c, i }) => ({
        field: `villageCodes.${i}`,
        code: 'not_a_village_of_the_area',
        message: bi(`${c} 不是本地区的行政村`, `${c} is not a village of the area`),
      }));
    if (errors.length) {
      throw unprocessable(
        'REGISTRY_EXIT_TARGET_INVALID',
        bi('目标中的村不在本地区', 'The target names villages outside the area'),
        errors,
      );
    }
  }

  /** The target of one area and year, when set. */
  async one(p: Principal, areaCode: string, year: number): Promise<ExitTarget | null> {
    return this.deps.targets.findOne(p, { areaCode, year });
  }

  async list(
    p: Principal,
    q: ListQuery<ExitTargetFilter>,
  ): Promise<{ items: ExitTargetView[]; total: number }> {
    const filter: Record<string, unknown> = {};
    if (q.filter.areaCode) filter.areaCode = q.filter.areaCode;
    if (q.filter.year !== undefined) filter.year = q.filter.year;
    const { items, total } = await this.deps.targets.page(p, filter, q);
    return { items: items.map(view), total };
  }

  /**
   * The target of each year for an area: its own when recorded, else the sum of its direct
   * sub-areas' targets (a county that only broke its target down by township).
   */
  async byYear(
    p: Principal,
    areaCode: string,
    childCodes: string[],
  ): Promise<Map<number, { households: number; people: number | null }>> {
    const rows = await this.deps.targets.find(p, { areaCode: { $in: [areaCode, ...childCodes] } });
    const own = new Map<number, { households: number; people: number | null }>();
    const summed = new Map<number, { households: number; people: number | null }>();
    for (const t of rows) {
      if (t.areaCode === areaCode) {
        own.set(t.year, { households: t.households, people: t.people });
        continue;
      }
      const s = summed.get(t.year) ?? { households: 0, people: 0 };
      summed.set(t.year, {
        households: s.households + t.households,
        people: s.people === null || t.people === null ? null : s.people + t.people,
      });
    }
    for (const [year, t] of own) summed.set(year, t);
    return summed;
  }
}
