import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  bi,
  conflict,
  countyWide,
  type FieldError,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
} from '@fupin/kit';
import type { Envelope } from '@fupin/contracts';
import { checkRevision, revisionConflict } from '../common/errors';
import { notInFuture } from '../common/terms';
import type { HelperService } from '../helpers/helper.service';
import type { HouseholdDirectory } from '../households/household.directory';
import { measurePlanned, measureStatusChanged, measureUpdated } from './measure.events';
import { assertMove, isOpen } from './measure.machine';
import type { Measure, MeasureCategoryCode, MeasureStatus } from './measure.model';
import type { HouseholdMove } from '../households/household.directory';
import { shanghaiDateOf } from '@fupin/reference';

export interface MeasureDetails {
  category: MeasureCategoryCode;
  type: string;
  description?: string;
  amountFen?: number | null;
  quantity?: number | null;
  unit?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  helperId?: string | null;
  projectId?: string | null;
}

export interface MeasureInput extends MeasureDetails {
  householdId: string;
}

export interface MeasureFilter {
  area?: string;
  householdId?: string;
  helperId?: string;
  category?: MeasureCategoryCode[];
  status?: MeasureStatus[];
  projectId?: string;
  id?: string[];
}

export type MeasureView = Omit<Measure, '_id' | 'outbox' | 'hasOutbox' | 'outboxLease'> & {
  id: string;
};

const MISSING = { what: bi('帮扶措施', 'Measure'), code: 'ASSISTANCE_MEASURE_NOT_FOUND' };
/** The registry moves a household: its measures follow it, wherever it goes. */
const MOVES = countyWide("a household's measures follow the household the registry moved");
/** A plan shows its household's measures: the plan was read in the caller's scope. */
const OF_PLAN = countyWide('the measures of a household whose plan the caller reads');
const EDITABLE = [
  'category',
  'type',
  'description',
  'amountFen',
  'quantity',
  'unit',
  'startDate',
  'endDate',
  'helperId',
  'helperName',
  'projectId',
] as const;

export function measureView(m: Measure): MeasureView {
  const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = m;
  return { id: _id, ...rest };
}

function datesInOrder(start: string | null, end: string | null, errors: FieldError[]) {
  if (start && end && end < start)
    errors.push({
      field: 'endDate',
      code: 'before_start',
      message: bi('结束日期早于开始日期', 'ends before it starts'),
    });
}

/**
 * 帮扶措施 — measures under the 五个一批 and the other categories, with the status machine
 * planned → in progress → done / cancelled and every step kept.
 */
export class MeasureService {
  constructor(
    private readonly deps: {
      /** Measures, each in its household's area. */
      measures: ScopedRepository<Measure>;
      helpers: HelperService;
      households: HouseholdDirectory;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: MeasureInput): Promise<MeasureView> {
    const household = await this.deps.households.getActive(p, input.householdId);
    const helper = input.helperId ? await this.deps.helpers.forWork(p, input.helperId) : null;
    const errors: FieldError[] = [];
    datesInOrder(input.startDate ?? null, input.endDate ?? null, errors);
    if (errors.length) throw this.invalid(errors);
    const now = this.deps.now();
    const doc: Measure = {
      _id: randomUUID(),
      householdId: household._id,
      householdNo: household.householdNo,
      areaCode: household.areaCode,
      category: input.category,
      type: input.type,
      description: input.description ?? '',
      amountFen: input.amountFen ?? null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      status: 'planned',
      helperId: helper?._id ?? null,
      helperName: helper?.name ?? null,
      projectId: input.projectId ?? null,
      steps: [
        {
          at: now,
          from: null,
          to: 'planned',
          reason: null,
          actorId: p.userId,
          actorName: p.username,
        },
      ],
      createdAt: now,
      createdBy: p.userId,
      updatedAt: now,
      revision: 1,
    };
    await this.deps.measures.create(p, withOutbox(doc, [measurePlanned(doc, actorOf(p))]));
    this.deps.eventsStored();
    return measureView(doc);
  }

  private invalid(errors: FieldError[]) {
    return unprocessable(
      'ASSISTANCE_MEASURE_INVALID',
      bi('帮扶措施信息有误', 'The measure is invalid'),
      errors,
    );
  }

  private async load(p: Principal, id: string): Promise<Measure> {
    return this.deps.measures.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<MeasureView> {
    return measureView(await this.load(p, id));
  }

  async update(
    p: Principal,
    id: string,
    patch: Partial<MeasureDetails>,
    revision?: number,
  ): Promise<MeasureView> {
    const current = await this.load(p, id);
    checkRevision(current.revision, revision);
    if (!isOpen(current.status))
      throw conflict(
        'ASSISTANCE_MEASURE_CLOSED',
        bi('已完成或已取消的措施不能修改', 'A done or cancelled measure cannot be changed'),
      );
    const next: Measure = { ...current };
    if (patch.helperId !== undefined) {
      const helper = patch.helperId ? await this.deps.helpers.forWork(p, patch.helperId) : null;
      next.helperId = helper?._id ?? null;
      next.helperName = helper?.name ?? null;
    }
    if (patch.category !== undefined) next.category = patch.category;
    if (patch.type !== undefined) next.type = patch.type;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.amountFen !== undefined) next.amountFen = patch.amountFen;
    if (patch.quantity !== undefined) next.quantity = patch.quantity;
    if (patch.unit !== undefined) next.unit = patch.unit;
    if (patch.startDate !== undefined) next.startDate = patch.startDate;
    if (patch.endDate !== undefined) next.endDate = patch.endDate;
    if (patch.projectId !== undefined) next.projectId = patch.projectId;
    const errors: FieldError[] = [];
    datesInOrder(next.startDate, next.endDate, errors);
    if (errors.length) throw this.invalid(errors);
    const changed = EDITABLE.filter((k) => k !== 'helperName' && next[k] !== current[k]);
    if (changed.length === 0) return measureView(current);
    next.updatedAt = this.deps.now();
    next.revision = current.revision + 1;
    await this.save(p, current, next, [measureUpdated(next, [...changed], actorOf(p))]);
    return measureView(next);
  }

  /** One step of the status machine; starting sets the start day, finishing the end day. */
  async move(
    p: Principal,
    id: string,
    input: { to: MeasureStatus; reason?: string | null; date?: string; revision?: number },
  ): Promise<MeasureView> {
    const current = await this.load(p, id);
    checkRevision(current.revision, input.revision);
    assertMove(current.status, input.to);
    if (input.to === 'cancelled' && !input.reason)
      throw this.invalid([
        {
          field: 'reason',
          code: 'required',
          message: bi('取消措施须说明原因', 'give the reason for cancelling'),
        },
      ]);
    const now = this.deps.now();
    const day = input.date ?? shanghaiDateOf(now);
    notInFuture(day, now, 'date');
    const next: Measure = {
      ...current,
      status: input.to,
      updatedAt: now,
      revision: current.revision + 1,
      steps: [
        ...current.steps,
        {
          at: now,
          from: current.status,
          to: input.to,
          reason: input.reason ?? null,
          actorId: p.userId,
          actorName: p.username,
        },
      ],
    };
    if (input.to === 'in_progress' && !next.startDate) next.startDate = day;
    if (input.to === 'done' && !next.endDate) next.endDate = day;
    const errors: FieldError[] = [];
    datesInOrder(next.startDate, next.endDate, errors);
    if (errors.length) throw this.invalid(errors);
    await this.save(p, current, next, [
      measureStatusChanged(next, current.status, input.to, actorOf(p)),
    ]);
    return measureView(next);
  }

  private async save(
    p: Principal,
    current: Measure,
    next: Measure,
    events: Envelope[],
  ): Promise<void> {
    const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...set } = next;
    const res = await this.deps.measures.updateOne(
      p,
      { _id, revision: current.revision },
      outboxUpdate({ $set: set }, events),
    );
    if (res.modifiedCount === 0) throw revisionConflict();
    this.deps.eventsStored();
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: MeasureFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.helperId) and.push({ helperId: f.helperId });
    if (f.category?.length) and.push({ category: { $in: f.category } });
    if (f.status?.length) and.push({ status: { $in: f.status } });
    if (f.projectId) and.push({ projectId: f.projectId });
    if (f.id?.length) and.push({ _id: { $in: f.id } });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<MeasureFilter>) {
    const { items, total } = await this.deps.measures.page(p, this.filterOf(q.filter), q, {
      steps: 0,
    });
    return { items: items.map((m) => measureView({ ...m, steps: [] })), total };
  }

  cursor(p: Principal, f: MeasureFilter): AsyncIterable<Measure> {
    return this.deps.measures.cursor(p, this.filterOf(f), {
      projection: { steps: 0 },
      sort: { areaCode: 1, householdNo: 1, _id: 1 },
    });
  }

  async forHousehold(householdId: string): Promise<MeasureView[]> {
    const rows = await this.deps.measures.find(
      OF_PLAN,
      { householdId },
      { projection: { steps: 0 }, sort: { createdAt: 1 } },
    );
    return rows.map((m) => measureView({ ...m, steps: [] }));
  }

  /** Counts and amounts by category and status inside the scope (the dashboard). */
  async byCategory(p: Principal, area?: string) {
    return this.deps.measures.aggregate<{
      _id: { category: MeasureCategoryCode; status: MeasureStatus };
      n: number;
      amountFen: number;
    }>(p, [
      { $match: area ? areaWithin(area) : {} },
      {
        $group: {
          _id: { category: '$category', status: '$status' },
          n: { $sum: 1 },
          amountFen: { $sum: '$amountFen' },
        },
      },
    ]);
  }

  async householdsMoved(moves: HouseholdMove[]): Promise<void> {
    if (moves.length === 0) return;
    await this.deps.measures.bulkUpdate(
      MOVES,
      moves.map((m) => ({
        filter: { householdId: m.householdId },
        update: { $set: { areaCode: m.areaCode } },
        many: true,
      })),
      { ordered: false },
    );
  }
}
