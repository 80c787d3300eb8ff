import {
  AppError,
  bi,
  conflict,
  escapeRegex,
  type FieldError,
  type ListQuery,
  notFound,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
  isDuplicateKey,
  READ_IN_SCOPE,
} from '@fupin/kit';
import { parentCode } from '@fupin/reference';
import type { Area } from '../areas/area.model';
import type { Household } from '../households/household.model';
import { villageUpdated } from './village.events';
import {
  type FirstSecretary,
  INFRASTRUCTURE,
  type Infrastructure,
  type InfrastructureItem,
  type Village,
  type VillagerGroup,
  type WorkTeam,
} from './village.model';
import {
  missingInfrastructure,
  noInfrastructure,
  refuseTypedExit,
  tapWaterOf,
  type Tally,
  villageFigures,
} from './village.rules';

/** The facts a user may type in for a village; everything else is computed. */
export interface VillageFactsInput {
  groups?: VillagerGroup[];
  totalHouseholds?: number | null;
  ruralPopulation?: number | null;
  poorVillage?: boolean;
  poorVillageLevel?: 'provincial' | 'city' | null;
  exited?: boolean;
  exitYear?: number | null;
  infrastructure?: Partial<Record<InfrastructureItem, { inPlace: boolean; note?: string | null }>>;
  firstSecretary?: { name: string; unit?: string | null; since?: string | null } | null;
  workTeam?: { unit?: string | null; leader?: string | null; members?: string[] } | null;
}

export interface VillageFilter {
  q?: string;
  townshipCode?: string;
  poorVillage?: boolean;
  exited?: boolean;
  id?: string[];
}

/** A village as the API shows it: its area, its typed-in facts and the figures computed from households. */
export interface VillageView {
  id: string;
  code: string;
  name: string;
  townshipCode: string;
  status: Area['status'];
  groups: VillagerGroup[];
  totalHouseholds: number | null;
  ruralPopulation: number | null;
  poorVillage: boolean;
  poorVillageLevel: 'provincial' | 'city' | null;
  exited: boolean;
  exitYear: number | null;
  infrastructure: Infrastructure;
  missingInfrastructure: string[];
  firstSecretary: FirstSecretary | null;
  workTeam: WorkTeam | null;
  registeredHouseholds: number;
  registeredPeople: number;
  stillPoorHouseholds: number;
  stillPoorPeople: number;
  povertyIncidencePercent: number | null;
  /** 0 while nothing has been recorded for the village. */
  revision: number;
  updatedAt: Date | null;
}

type VillageFacts = Omit<Village, 'outbox' | 'hasOutbox' | 'outboxLease'>;

const VILLAGE = bi('行政村', 'Village');

function stale(currentRevision: number): AppError {
  return conflict(
    'REGISTRY_VILLAGE_STALE',
    bi(
      '该村信息已被他人修改，请刷新后重试',
      'The village was changed by someone else; reload and retry',
    ),
    { currentRevision },
  );
}

/** 行政村 — village facts, kept per village code, with the registry's figures computed on read. */
export class VillageService {
  constructor(
    private readonly deps: {
      villages: ScopedRepository<Village>;
      areas: ScopedRepository<Area>;
      households: ScopedRepository<Household>;
      eventsStored?: () => void;
      now?: () => Date;
      /** The village's tap water item changed: its households' 饮水安全 is derived again. */
      tapWaterChanged?: (p: Principal, villageCode: string) => Promise<void>;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Households and people per village and status, for the given village codes. */
  async tallies(p: Principal, codes: string[]): Promise<Map<string, Map<string, Tally>>> {
    const out = new Map<string, Map<string, Tally>>();
    if (codes.length === 0) return out;
    const rows = await this.deps.households.aggregate<{
      _id: { areaCode: string; status: string };
      households: number;
      people: number;
    }>(p, [
      { $match: { areaCode: { $in: codes } } },
      {
        $group: {
          _id: { areaCode: '$areaCode', status: '$status' },
          households: { $sum: 1 },
          people: { $sum: '$size' },
        },
      },
    ]);
    for (const r of rows) {
      const byStatus = out.get(r._id.areaCode) ?? new Map<string, Tally>();
      byStatus.set(r._id.status, { households: r.households, people: r.people });
      out.set(r._id.areaCode, byStatus);
    }
    return out;
  }

  private async villageArea(p: Principal, code: string): Promise<Area> {
    const area = await this.deps.areas.getForChange(p, code, {
      what: VILLAGE,
      code: 'REGISTRY_VILLAGE_NOT_FOUND',
    });
    if (area.level !== 'village') throw notFound(VILLAGE, 'REGISTRY_VILLAGE_NOT_FOUND');
    return area;
  }

  private blank(area: Pick<Area, 'code'>): VillageFacts {
    const at = new Date(0);
    return {
      _id: area.code,
      code: area.code,
      townshipCode: parentCode(area.code) ?? area.code,
      groups: [],
      totalHouseholds: null,
      ruralPopulation: null,
      poorVillage: false,
      poorVillageLevel: null,
      exited: false,
      exitYear: null,
      infrastructure: noInfrastructure(),
      firstSecretary: null,
      workTeam: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: '',
      revision: 0,
    };
  }

  private view(
    area: Area,
    facts: VillageFacts,
    byStatus: Map<string, Tally> | undefined,
  ): VillageView {
    const figures = villageFigures(byStatus ?? new Map(), facts.ruralPopulation);
    return {
      id: area.code,
      code: area.code,
      name: area.name,
      townshipCode: facts.townshipCode,
      status: area.status,
      groups: [...facts.groups].sort((a, b) => a.no - b.no),
      totalHouseholds: facts.totalHouseholds,
      ruralPopulation: facts.ruralPopulation,
      poorVillage: facts.poorVillage,
      poorVillageLevel: facts.poorVillageLevel,
      exited: facts.exited,
      exitYear: facts.exitYear,
      infrastructure: facts.infrastructure,
      missingInfrastructure: missingInfrastructure(facts.infrastructure),
      firstSecretary: facts.firstSecretary,
      workTeam: facts.workTeam,
      registeredHouseholds: figures.registered.households,
      registeredPeople: figures.registered.people,
      stillPoorHouseholds: figures.stillPoor.households,
      stillPoorPeople: figures.stillPoor.people,
      povertyIncidencePercent: figures.povertyIncidencePercent,
      revision: facts.revision,
      updatedAt: facts.revision === 0 ? null : facts.updatedAt,
    };
  }

  async get(p: Principal, code: string): Promise<VillageView> {
    const area = await this.villageArea(p, code);
    const [facts, tallies] = await Promise.all([
      this.deps.villages.findOne(p, { code }),
      this.tallies(p, [code]),
    ]);
    return this.view(area, facts ?? this.blank(area), tallies.get(code));
  }

  /**
   * Every village of the caller's area, whether or not facts were recorded for it: the area
   * tree is the spine, the facts and the figures are joined per page.
   */
  async list(
    p: Principal,
    q: ListQuery<VillageFilter>,
  ): Promise<{ items: VillageView[]; total: number }> {
    const f = q.filter;
    const and: Record<string, unknown>[] = [{ level: 'village' }];
    if (f.townshipCode) and.push({ parentCode: f.townshipCode });
    if (f.id?.length) and.push({ code: { $in: f.id } });
    if (f.q) {
      const re = escapeRegex(f.q.trim());
      and.push({ $or: [{ name: { $regex: re } }, { code: { $regex: `^${re}` } }] });
    }
    // Facts filters: villages without recorded facts are neither poor villages nor exited.
    for (const key of ['poorVillage', 'exited'] as const) {
      const want = f[key];
      if (want === undefined) continue;
      const flagged = await this.deps.villages.find(p, { [key]: true }, { projection: { _id: 1 } });
      const codes = flagged.map((v) => v._id);
      and.push({ code: want ? { $in: codes } : { $nin: codes } });
    }
    const { items: areas, total } = await this.deps.areas.page(p, { $and: and }, q);
    const codes = areas.map((a) => a.code);
    const [facts, tallies] = await Promise.all([
      this.deps.villages.find(p, { code: { $in: codes } }),
      this.tallies(p, codes),
    ]);
    const factsOf = new Map(facts.map((v) => [v._id, v]));
    return {
      items: areas.map((a) =>
        this.view(a, factsOf.get(a.code) ?? this.blank(a), tallies.get(a.code)),
      ),
      total,
    };
  }

  /** Records typed-in facts; `revision` (0 for a village never recorded) guards against lost updates. */
  async update(
    p: Principal,
    code: string,
    input: VillageFactsInput,
    revision?: number,
  ): Promise<VillageView> {
    const area = await this.villageArea(p, code);
    const stored = await this.deps.villages.findOne(p, { code });
    const current: VillageFacts = stored ?? this.blank(area);
    if (revision !== undefined && revision !== current.revision) throw stale(current.revision);
    refuseTypedExit(current, input);
    const next = this.apply(current, input);
    const changed = changedKeys(current, next);
    if (changed.length === 0) return this.get(p, code);
    await this.save(p, area, current, next, changed, stored !== null);
    return this.get(p, code);
  }

  /**
   * Adds or renames villager groups (the area-tree import). Returns what happened to each
   * group number; an unchanged group changes nothing.
   */
  async upsertGroups(
    p: Principal,
    villageCode: string,
    groups: VillagerGroup[],
  ): Promise<Map<number, 'created' | 'updated' | 'unchanged'>> {
    const area = await this.villageArea(p, villageCode);
    // Two writers (an import and a user) may race: retry on a stale revision a few times.
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.villages.findOne(p, { code: villageCode });
      const current: VillageFacts = stored ?? this.blank(area);
      const byNo = new Map(current.groups.map((g) => [g.no, g]));
      const outcome = new Map<number, 'created' | 'updated' | 'unchanged'>();
      for (const g of groups) {
        const old = byNo.get(g.no);
        outcome.set(g.no, !old ? 'created' : old.name === g.name ? 'unchanged' : 'updated');
        byNo.set(g.no, { no: g.no, name: g.name });
      }
      const next: VillageFacts = {
        ...current,
        groups: [...byNo.values()].sort((a, b) => a.no - b.no),
      };
      if ([...outcome.values()].every((o) => o === 'unchanged')) return outcome;
      try {
        await this.save(p, area, current, next, ['groups'], stored !== null);
        return outcome;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'REGISTRY_VILLAGE_STALE') || attempt >= 3)
          throw err;
      }
    }
  }

  private apply(current: VillageFacts, input: VillageFactsInput): VillageFacts {
    const pick = <K extends keyof VillageFactsInput & keyof VillageFacts>(k: K): VillageFacts[K] =>
      (input[k] === undefined ? current[k] : input[k]) as VillageFacts[K];
    const infrastructure: Infrastructure = { ...current.infrastructure };
    for (const k of INFRASTRUCTURE) {
      const v = input.infrastructure?.[k];
      if (v) infrastructure[k] = { inPlace: v.inPlace, note: v.note ?? null };
    }
    const next: VillageFacts = {
      ...current,
      groups: input.groups ? [...input.groups].sort((a, b) => a.no - b.no) : current.groups,
      totalHouseholds: pick('totalHouseholds'),
      ruralPopulation: pick('ruralPopulation'),
      poorVillage: pick('poorVillage'),
      poorVillageLevel: pick('poorVillageLevel'),
      exited: pick('exited'),
      exitYear: pick('exitYear'),
      infrastructure,
      firstSecretary:
        input.firstSecretary === undefined
          ? current.firstSecretary
          : input.firstSecretary && {
              name: input.firstSecretary.name,
              unit: input.firstSecretary.unit ?? null,
              since: input.firstSecretary.since ?? null,
            },
      workTeam:
        input.workTeam === undefined
          ? current.workTeam
          : input.workTeam && {
              unit: input.workTeam.unit ?? null,
              leader: input.workTeam.leader ?? null,
              members: input.workTeam.members ?? [],
            },
    };
    // A village that is no longer a poor village has no poor-village level.
    if (input.poorVillage === false && input.poorVillageLevel === undefined)
      next.poorVillageLevel = null;
    this.check(next);
    return next;
  }

  private check(v: VillageFacts): void {
    const errors: FieldError[] = [];
    if (!v.poorVillage && v.poorVillageLevel !== null) {
      errors.push({
        field: 'poorVillageLevel',
        code: 'not_poor_village',
        message: bi('非贫困村不能有贫困村级别', 'Only a poor village has a poor-village level'),
      });
    }
    if (v.exited && v.exitYear === null) {
      errors.push({
        field: 'exitYear',
        code: 'required',
        message: bi('已退出的村须填写退出年度', 'An exited village needs its exit year'),
      });
    }
    if (!v.exited && v.exitYear !== null) {
      errors.push({
        field: 'exitYear',
        code: 'not_exited',
        message: bi('未退出的村不能有退出年度', 'A village that has not exited has no exit year'),
      });
    }
    const seen = new Set<number>();
    v.groups.forEach((g, i) => {
      if (seen.has(g.no)) {
        errors.push({
          field: `groups.${i}.no`,
          code: 'duplicate',
          message: bi(`村民小组编号 ${g.no} 重复`, `Villager group number ${g.no} appears twice`),
        });
      }
      seen.add(g.no);
    });
    if (
      v.totalHouseholds !== null &&
      v.ruralPopulation !== null &&
      v.totalHouseholds > v.ruralPopulation
    ) {
      errors.push({
        field: 'totalHouseholds',
        code: 'above_population',
        message: bi('总户数不能多于农村人口', 'There cannot be more households than people'),
      });
    }
    if (errors.length) {
      throw unprocessable(
        'REGISTRY_VILLAGE_INVALID',
        bi('村信息有误，请检查标出的字段', 'The village facts are invalid; see the listed fields'),
        errors,
      );
    }
  }

  /** One single-document write: the facts and their event (a create for a first recording). */
  private async save(
    p: Principal,
    area: Area,
    current: VillageFacts,
    next: VillageFacts,
    changed: string[],
    exists: boolean,
  ): Promise<void> {
    const now = this.now();
    const doc: VillageFacts = {
      ...next,
      updatedAt: now,
      updatedBy: p.userId,
      revision: current.revision + 1,
      createdAt: exists ? current.createdAt : now,
    };
    const event = villageUpdated(doc as Village, area.name, changed, actorOf(p));
    if (!exists) {
      try {
        await this.deps.villages.create(p, withOutbox(doc, [event]) as Village);
      } catch (err) {
        if (isDuplicateKey(err)) throw stale(current.revision);
        throw err;
      }
    } else {
      const {
        _id,
        createdAt: _c,
        outbox: _o,
        hasOutbox: _h,
        outboxLease: _l,
        ...set
      } = doc as Village;
      const res = await this.deps.villages.updateOne(
        READ_IN_SCOPE,
        { _id, revision: current.revision },
        outboxUpdate({ $set: set }, [event]),
      );
      if (res.matchedCount !== 1) throw stale(current.revision);
    }
    this.deps.eventsStored?.();
    // A village never recorded has no water to derive from (null); once recorded, its item does.
    if ((exists ? tapWaterOf(current) : null) !== tapWaterOf(next))
      await this.deps.tapWaterChanged?.(p, next.code);
  }
}

const FACT_KEYS = [
  'groups',
  'totalHouseholds',
  'ruralPopulation',
  'poorVillage',
  'poorVillageLevel',
  'exited',
  'exitYear',
  'infrastructure',
  'firstSecretary',
  'workTeam',
] as const;

function changedKeys(a: VillageFacts, b: VillageFacts): string[] {
  return FACT_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
