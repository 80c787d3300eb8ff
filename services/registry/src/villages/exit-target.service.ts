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
} from '@fupin/kit';
import type { Area } from '../areas/area.model';
import { exitTargetSet } from './village.events';
import type { ExitTarget } from './village.model';

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
    input: { households: number; people?: number | null; revision?: number },
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
    if (current && current.households === input.households && current.people === people)
      return view(current);
    const next: ExitTarget = {
      _id: id,
      areaCode,
      year,
      households: input.households,
      people,
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
