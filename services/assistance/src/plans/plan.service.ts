import {
  allOf,
  areaWithin,
  bi,
  countyWide,
  escapeRegex,
  type FieldError,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { checkRevision, revisionConflict } from '../common/errors';
import type { HouseholdDirectory } from '../households/household.directory';
import type { MeasureService, MeasureView } from '../measures/measure.service';
import type { Plan, PlanTarget, PlanVersion } from './plan.model';
import type { HouseholdMove } from '../households/household.directory';
import { shanghaiDateOf } from '@fupin/reference';

export interface PlanInput {
  summary: string;
  targets: PlanTarget[];
}

export interface PlanFilter {
  area?: string;
  year?: number;
  q?: string;
}

export type PlanView = Omit<Plan, '_id' | 'history' | 'targetYears'> & {
  id: string;
  householdId: string;
  /** The household's causes as the registry states them now. */
  currentCauses: { mainCause: string | null; otherCauses: string[] };
  /** The measures chosen for the household (its plan's measures). */
  measures: MeasureView[];
};

const MISSING = { what: bi('一户一策', 'Plan'), code: 'ASSISTANCE_PLAN_NOT_FOUND' };
/** The registry moves a household: its plan follows it, wherever it goes. */
const MOVES = countyWide("a household's plan follows the household the registry moved");

function summaryView(p: Plan): Omit<PlanView, 'currentCauses' | 'measures'> {
  const { _id, history: _h, targetYears: _y, ...rest } = p;
  return { id: _id, householdId: _id, ...rest };
}

/** 一户一策 — one plan per household, every earlier version kept. */
export class PlanService {
  constructor(
    private readonly deps: {
      /** Plans, each in its household's area. */
      plans: ScopedRepository<Plan>;
      households: HouseholdDirectory;
      measures: MeasureService;
      now: () => Date;
    },
  ) {}

  private checkTargets(targets: PlanTarget[]): void {
    const errors: FieldError[] = [];
    const seen = new Set<number>();
    targets.forEach((t, i) => {
      if (seen.has(t.year))
        errors.push({
          field: `targets.${i}.year`,
          code: 'duplicate',
          message: bi('同一年度只能有一个目标', 'one target per year'),
        });
      seen.add(t.year);
    });
    if (errors.length)
      throw unprocessable(
        'ASSISTANCE_PLAN_INVALID',
        bi('帮扶计划有误', 'The plan is invalid'),
        errors,
      );
  }

  /** Creates the household's plan or replaces its summary and targets, keeping the old version. */
  async save(p: Principal, householdId: string, input: PlanInput, revision?: number) {
    const household = await this.deps.households.getActive(p, householdId, 'householdId');
    this.checkTargets(input.targets);
    const now = this.deps.now();
    const causes = { mainCause: household.mainCause, otherCauses: household.otherCauses };
    const targets = [...input.targets].sort((a, b) => a.year - b.year);
    const current = await this.deps.plans.findOne(p, { _id: householdId });
    if (!current) {
      checkRevision(0, revision);
      const doc: Plan = {
        _id: householdId,
        householdNo: household.householdNo,
        areaCode: household.areaCode,
        causes,
        summary: input.summary,
        targets,
        progress: [],
        progressPercent: 0,
        targetYears: targets.map((t) => t.year),
        history: [],
        createdAt: now,
        updatedAt: now,
        revision: 1,
      };
      try {
        await this.deps.plans.create(p, doc);
      } catch (err) {
        if (isDuplicateKey(err)) throw revisionConflict();
        throw err;
      }
      return this.view(p, doc);
    }
    checkRevision(current.revision, revision);
    const changed = [
      ...(current.summary !== input.summary ? ['summary'] : []),
      ...(JSON.stringify(current.targets) !== JSON.stringify(targets) ? ['targets'] : []),
      ...(JSON.stringify(current.causes) !== JSON.stringify(causes) ? ['causes'] : []),
    ];
    if (changed.length === 0) return this.view(p, current);
    const version = this.versionOf(p, current, 'updated', changed);
    const set = {
      causes,
      summary: input.summary,
      targets,
      targetYears: targets.map((t) => t.year),
      areaCode: household.areaCode,
      updatedAt: now,
      revision: current.revision + 1,
    };
    await this.write(p, current, set, version);
    return this.view(p, { ...current, ...set, history: [...current.history, version] });
  }

  /** Records progress against the plan (a percentage and what was achieved). */
  async addProgress(
    p: Principal,
    householdId: string,
    input: { percent: number; note: string; date?: string; revision?: number },
  ) {
    const current = await this.load(p, householdId);
    checkRevision(current.revision, input.revision);
    const now = this.deps.now();
    const entry = {
      at: now,
      date: input.date ?? shanghaiDateOf(now),
      percent: input.percent,
      note: input.note,
      actorId: p.userId,
      actorName: p.username,
    };
    const version = this.versionOf(p, current, 'progress', ['progress']);
    const set = {
      progress: [...current.progress, entry],
      progressPercent: input.percent,
      updatedAt: now,
      revision: current.revision + 1,
    };
    await this.write(p, current, set, version);
    return this.view(p, { ...current, ...set });
  }

  private versionOf(
    p: Principal,
    plan: Plan,
    action: PlanVersion['action'],
    changed: string[],
  ): PlanVersion {
    return {
      revision: plan.revision,
      at: this.deps.now(),
      actorId: p.userId,
      actorName: p.username,
      action,
      changed,
      summary: plan.summary,
      targets: plan.targets,
      causes: plan.causes,
    };
  }

  private async write(
    p: Principal,
    current: Plan,
    set: Partial<Plan>,
    version: PlanVersion,
  ): Promise<void> {
    const res = await this.deps.plans.updateOne(
      p,
      { _id: current._id, revision: current.revision },
      { $set: set, $push: { history: version } },
    );
    if (res.modifiedCount === 0) throw revisionConflict();
  }

  private async load(p: Principal, householdId: string): Promise<Plan> {
    return this.deps.plans.get(p, householdId, MISSING);
  }

  private async view(p: Principal, plan: Plan): Promise<PlanView> {
    const household = await this.deps.households.get(p, plan._id);
    return {
      ...summaryView(plan),
      currentCauses: { mainCause: household.mainCause, otherCauses: household.otherCauses },
      measures: await this.deps.measures.forHousehold(plan._id),
    };
  }

  async get(p: Principal, householdId: string): Promise<PlanView> {
    return this.view(p, await this.load(p, householdId));
  }

  /** Earlier versions, oldest first; the current one is the plan itself. */
  async history(p: Principal, householdId: string): Promise<PlanVersion[]> {
    return (await this.load(p, householdId)).history;
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: PlanFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.year !== undefined) and.push({ targetYears: f.year });
    if (f.q) and.push({ householdNo: { $regex: `^${escapeRegex(f.q.trim())}` } });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<PlanFilter>) {
    const { items, total } = await this.deps.plans.page(p, this.filterOf(q.filter), q, {
      history: 0,
    });
    return { items: items.map((x) => summaryView({ ...x, history: [] })), total };
  }

  cursor(p: Principal, f: PlanFilter): AsyncIterable<Plan> {
    return this.deps.plans.cursor(p, this.filterOf(f), {
      projection: { history: 0 },
      sort: { areaCode: 1, householdNo: 1, _id: 1 },
    });
  }

  async householdsMoved(moves: HouseholdMove[]): Promise<void> {
    if (moves.length === 0) return;
    await this.deps.plans.bulkUpdate(
      MOVES,
      moves.map((m) => ({
        filter: { _id: m.householdId },
        update: { $set: { areaCode: m.areaCode } },
      })),
      { ordered: false },
    );
  }
}
