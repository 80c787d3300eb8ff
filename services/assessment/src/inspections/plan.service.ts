import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  bi,
  conflict,
  type ListQuery,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import { historyEntry } from './inspection-files';
import type { InspectionPlan } from './inspection.model';
import type { PlanFilter, PlanInput } from './inspection.schemas';

export const PLAN_NOT_FOUND = {
  what: bi('督查计划', 'Inspection plan'),
  code: 'ASSESSMENT_PLAN_NOT_FOUND',
};

export type PlanView = Omit<InspectionPlan, '_id'> & { id: string };
export const planView = ({ _id, ...rest }: InspectionPlan): PlanView => ({ id: _id, ...rest });

/** The refusals of a plan's content, as field errors (none when it is sound). */
function planErrors(input: PlanInput) {
  const errors = input.areas
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => areaLevel(a) !== 'township')
    .map(({ i }) => ({
      field: `areas.${i}`,
      code: 'not_township',
      message: bi('督查范围须为乡镇', 'an area inspected is a township'),
    }));
  if (input.endsOn && input.endsOn < input.startsOn) {
    errors.push({
      field: 'endsOn',
      code: 'before_start',
      message: bi('结束日期不能早于开始日期', 'the end cannot be before the start'),
    });
  }
  if (errors.length) {
    throw unprocessable(
      'ASSESSMENT_PLAN_INVALID',
      bi('督查计划有误，请查看标出的字段', 'The inspection plan is invalid; see the fields'),
      errors,
    );
  }
}

/** The plan's fields as its history names them. */
const PLAN_FIELDS = {
  name: '计划名称',
  cadence: '督查频次',
  areas: '督查乡镇',
  checks: '督查事项',
  inspectorUnit: '督查单位',
  startsOn: '开始日期',
  endsOn: '结束日期',
  note: '说明',
} as const;

const contentOf = (input: PlanInput) => ({
  name: input.name,
  cadence: input.cadence,
  areas: [...new Set(input.areas)],
  checks: [...new Set(input.checks)],
  inspectorUnit: input.inspectorUnit,
  startsOn: input.startsOn,
  endsOn: input.endsOn ?? null,
  note: input.note ?? null,
});

/** 督查计划 — defined by the county (or a township for its own), seen by each township it covers. */
export class PlanService {
  constructor(
    private readonly deps: { plans: ScopedRepository<InspectionPlan>; now: () => Date },
  ) {}

  async create(p: Principal, input: PlanInput): Promise<PlanView> {
    planErrors(input);
    const now = this.deps.now();
    const plan: InspectionPlan = {
      _id: randomUUID(),
      ...contentOf(input),
      revision: 1,
      createdBy: { id: p.userId, name: p.username },
      createdAt: now,
      updatedAt: now,
      history: [historyEntry(p, now, 'created')],
    };
    await this.deps.plans.create(p, plan);
    return planView(plan);
  }

  async update(p: Principal, id: string, input: PlanInput): Promise<PlanView> {
    const current = await this.deps.plans.getForChange(p, id, PLAN_NOT_FOUND);
    planErrors(input);
    const content = contentOf(input);
    this.deps.plans.assertWritable(p, content);
    if (input.revision !== undefined && input.revision !== current.revision) throw stale(current);
    const now = this.deps.now();
    const changed = Object.keys(content).filter(
      (k) =>
        JSON.stringify(content[k as keyof typeof content]) !==
        JSON.stringify(current[k as keyof InspectionPlan]),
    );
    const res = await this.deps.plans.updateOne(
      READ_IN_SCOPE,
      { _id: id, revision: current.revision },
      {
        $set: { ...content, revision: current.revision + 1, updatedAt: now },
        $push: {
          history: historyEntry(p, now, 'updated', {
            note: changed.map((k) => PLAN_FIELDS[k as keyof typeof PLAN_FIELDS]).join('、') || null,
          }),
        },
      },
    );
    if (res.modifiedCount !== 1) throw stale(current);
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<PlanView> {
    return planView(await this.deps.plans.get(p, id, PLAN_NOT_FOUND));
  }

  /** A plan an inspection names: it must be one the caller sees. */
  async load(p: Principal, id: string): Promise<InspectionPlan> {
    return this.deps.plans.get(p, id, PLAN_NOT_FOUND);
  }

  async list(p: Principal, q: ListQuery<PlanFilter>) {
    const f = q.filter;
    const filter = allOf(
      f.cadence ? { cadence: f.cadence } : {},
      f.areaCode ? areaWithin(f.areaCode, 'areas') : {},
    );
    const { items, total } = await this.deps.plans.page(p, filter, q, { history: 0 });
    return { items: items.map(planView), total };
  }
}

function stale(current: InspectionPlan) {
  return conflict(
    'ASSESSMENT_PLAN_STALE',
    bi('督查计划已被他人修改，请刷新后重试', 'The plan was changed by someone else; reload'),
    { currentRevision: current.revision },
  );
}
