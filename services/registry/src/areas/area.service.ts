import {
  AppError,
  bi,
  conflict,
  countyWide,
  escapeRegex,
  forbidden,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
  isDuplicateKey,
  READ_IN_SCOPE,
} from '@fupin/kit';
import { areaLevel, parentCode, parseAreaCode } from '@fupin/reference';
import type { Area } from './area.model';
import { areaCreated, areaUpdated, snapshotOf } from './area.events';

export interface AreaFilter {
  q?: string;
  parentCode?: string;
  level?: Area['level'];
  status?: Area['status'];
  id?: string[];
}

export type AreaView = Omit<Area, '_id' | 'outbox' | 'hasOutbox' | 'outboxLease'> & { id: string };

const AREA = bi('地区', 'Area');
const MISSING = { what: AREA, code: 'REGISTRY_AREA_NOT_FOUND' };

/** A new area hangs on its parent, which lies above the scope of the village it is added under. */
const PARENT = countyWide("a new area's parent is looked up wherever it lies");

function view(a: Area): AreaView {
  const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = a;
  return { id: _id, ...rest };
}

/** 行政区划 — the administrative tree (county → township → village) every record hangs on. */
export class AreaService {
  constructor(
    private readonly areas: ScopedRepository<Area>,
    /** Called after a write that stored events, so the relay publishes them promptly. */
    private readonly eventsStored: () => void = () => undefined,
  ) {}

  async create(p: Principal, input: { code: string; name: string }): Promise<AreaView> {
    const parsed = parseAreaCode(input.code);
    if (!parsed.ok) {
      const why = bi(parsed.reason.zh, parsed.reason.en);
      throw unprocessable('REGISTRY_AREA_CODE_INVALID', why, [
        { field: 'code', code: parsed.code, message: why },
      ]);
    }
    if (!this.areas.contains(p, { code: input.code })) {
      throw forbidden(
        'FORBIDDEN_AREA',
        bi('不能在管辖范围以外新增地区', 'You cannot add an area outside your scope'),
      );
    }
    const level = areaLevel(input.code);
    const parent = parentCode(input.code);
    // Counties are the roots of a deployment: their parents (city, province) are not kept here.
    if (level === 'township' || level === 'village') {
      const parentArea = parent ? await this.areas.findOne(PARENT, { _id: parent }) : null;
      if (!parentArea || parentArea.status !== 'active') {
        throw unprocessable(
          'REGISTRY_AREA_PARENT_MISSING',
          bi(
            `上级地区 ${parent} 不存在或已撤销`,
            `The parent area ${parent} does not exist or is retired`,
          ),
          [
            {
              field: 'code',
              code: 'parent_missing',
              message: bi('上级地区不存在', 'parent area missing'),
            },
          ],
        );
      }
    }
    const now = new Date();
    const area: Omit<Area, 'outbox' | 'hasOutbox' | 'outboxLease'> = {
      _id: input.code,
      code: input.code,
      name: input.name.trim(),
      level,
      parentCode: parent,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      createdBy: p.userId,
      updatedBy: p.userId,
      revision: 1,
    };
    try {
      await this.areas.create(
        p,
        withOutbox(area, [areaCreated(snapshotOf(area), actorOf(p))]) as Area,
      );
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'REGISTRY_AREA_EXISTS',
          bi(`地区代码 ${input.code} 已存在`, `Area ${input.code} already exists`),
        );
      }
      throw err;
    }
    this.eventsStored();
    return view(area as Area);
  }

  async get(p: Principal, code: string): Promise<AreaView> {
    return view(await this.areas.getForChange(p, code, MISSING));
  }

  /**
   * Renames or retires an area. `revision` guards against overwriting a change made by
   * someone else in the meantime. Retiring an area that still has active children is refused.
   */
  async update(
    p: Principal,
    code: string,
    input: { name?: string; status?: Area['status']; revision?: number },
  ): Promise<AreaView> {
    const current = await this.areas.getForChange(p, code, MISSING);
    if (input.revision !== undefined && input.revision !== current.revision) {
      throw conflict(
        'REGISTRY_AREA_STALE',
        bi(
          '该地区已被他人修改，请刷新后重试',
          'The area was changed by someone else; reload and retry',
        ),
        {
          currentRevision: current.revision,
        },
      );
    }
    const set: Partial<Area> = {};
    if (input.name !== undefined && input.name.trim() !== current.name)
      set.name = input.name.trim();
    if (input.status !== undefined && input.status !== current.status) set.status = input.status;
    const changed = Object.keys(set);
    if (changed.length === 0) return view(current);
    if (set.status === 'retired') {
      const children = await this.areas.count(p, { parentCode: code, status: 'active' });
      if (children > 0) {
        throw conflict(
          'REGISTRY_AREA_HAS_CHILDREN',
          bi(
            `该地区下还有 ${children} 个有效的下级地区，不能撤销`,
            `The area still has ${children} active sub-areas and cannot be retired`,
          ),
        );
      }
    }
    const next = {
      ...current,
      ...set,
      updatedAt: new Date(),
      updatedBy: p.userId,
      revision: current.revision + 1,
    };
    const res = await this.areas.updateOne(
      READ_IN_SCOPE,
      { _id: code, revision: current.revision },
      outboxUpdate(
        {
          $set: {
            ...set,
            updatedAt: next.updatedAt,
            updatedBy: next.updatedBy,
            revision: next.revision,
          },
        },
        [areaUpdated(snapshotOf(next), changed, actorOf(p))],
      ),
    );
    if (res.modifiedCount !== 1) {
      throw new AppError(
        409,
        'REGISTRY_AREA_STALE',
        bi(
          '该地区已被他人修改，请刷新后重试',
          'The area was changed by someone else; reload and retry',
        ),
      );
    }
    this.eventsStored();
    return view(next);
  }

  async list(
    p: Principal,
    q: ListQuery<AreaFilter>,
  ): Promise<{ items: AreaView[]; total: number }> {
    const f = q.filter;
    const conditions: Record<string, unknown>[] = [];
    if (f.parentCode) conditions.push({ parentCode: f.parentCode });
    if (f.level) conditions.push({ level: f.level });
    if (f.status) conditions.push({ status: f.status });
    if (f.id?.length) conditions.push({ code: { $in: f.id } });
    if (f.q) {
      const re = escapeRegex(f.q.trim());
      conditions.push({ $or: [{ name: { $regex: re } }, { code: { $regex: `^${re}` } }] });
    }
    const { items, total } = await this.areas.page(p, { $and: conditions }, q);
    return { items: items.map(view), total };
  }
}
