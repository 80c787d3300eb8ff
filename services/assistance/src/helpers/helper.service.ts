import { randomUUID } from 'node:crypto';
import {
  areaWithin,
  type AuditLog,
  bi,
  conflict,
  countyWide,
  escapeRegex,
  type ListQuery,
  notFound,
  type PersonalDataCipher,
  type Principal,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { ancestors } from '@fupin/reference';
import { checkRevision, revisionConflict } from '../common/errors';
import { sealPhone, showPersonal, type UnmaskRequest } from '../common/personal';
import { type Helper, type HelperRank, identityKeyOf, type PairingRole } from './helper.model';

export interface HelperInput {
  name: string;
  unit: string;
  department?: string | null;
  rank: HelperRank;
  position?: string | null;
  phone?: string | null;
  /** Defaults to the caller's own area. */
  areaCode?: string;
}

export type HelperPatch = Partial<Omit<HelperInput, 'areaCode'>> & {
  status?: 'active' | 'inactive';
};

export interface HelperFilter {
  q?: string;
  unit?: string;
  rank?: HelperRank[];
  status?: 'active' | 'inactive';
  area?: string;
  id?: string[];
}

export type HelperView = Omit<Helper, '_id' | 'phone' | 'identityKey'> & {
  id: string;
  phone: string | null;
  unmasked: boolean;
};

const HELPER = bi('帮扶干部', 'Helper');
/**
 * Reads of helpers are wider than the caller's area: a helper registered above it (a county
 * bureau's cadre) serves it too. `visibleFilter` states that visibility; writes stay in scope.
 */
const VISIBLE = countyWide('a helper registered above the caller serves it too (visibleFilter)');
/** A helper's counters follow its pairings, wherever they are (pairing, import, daily repair). */
const LOAD = countyWide('the quota of a helper counts its pairings in every area');

/**
 * 帮扶责任人 — the cadres who help households. A cadre registered at a higher level (a county
 * bureau's) serves every township below it, so it is visible there for pairing.
 */
export class HelperService {
  constructor(
    private readonly deps: {
      /** Helpers, each in the area it is registered at. */
      helpers: ScopedRepository<Helper>;
      cipher: PersonalDataCipher;
      audit: AuditLog;
      now: () => Date;
    },
  ) {}

  /** Helpers registered inside the caller's area, or at a level above it. */
  visibleFilter(p: Principal): Record<string, unknown> {
    return {
      $or: [areaWithin(p.areaCode, 'areaCode'), { areaCode: { $in: ancestors(p.areaCode) } }],
    };
  }

  private async load(p: Principal, id: string): Promise<Helper> {
    const h = await this.deps.helpers.findOne(VISIBLE, { _id: id, ...this.visibleFilter(p) });
    if (!h) throw notFound(HELPER, 'ASSISTANCE_HELPER_NOT_FOUND');
    return h;
  }

  view(h: Helper, unmask: UnmaskRequest | null = null): HelperView {
    const { _id, phone, identityKey: _k, ...rest } = h;
    return {
      id: _id,
      ...rest,
      phone: showPersonal(this.deps.cipher, phone, unmask),
      unmasked: unmask !== null,
    };
  }

  async get(p: Principal, id: string, unmask: UnmaskRequest | null = null): Promise<HelperView> {
    const h = await this.load(p, id);
    if (unmask && h.phone) await this.audit(p, [h._id], 'unmask', unmask.reason, unmask.requestId);
    return this.view(h, unmask);
  }

  /**
   * Those of these helpers the caller may see (`visibleFilter`, checked on the records read by
   * id: one `_id` lookup on every server), phones masked — a household's dossier.
   */
  async visibleByIds(p: Principal, ids: string[]): Promise<HelperView[]> {
    if (ids.length === 0) return [];
    const rows = await this.deps.helpers.find(VISIBLE, { _id: { $in: [...new Set(ids)] } });
    const above = new Set(ancestors(p.areaCode));
    return rows
      .filter((h) => this.deps.helpers.contains(p, h) || above.has(h.areaCode))
      .map((h) => this.view(h));
  }

  /** The helper for a new pairing or visit: visible to the caller and still active. */
  async forWork(p: Principal, id: string, field = 'helperId'): Promise<Helper> {
    const h = await this.deps.helpers.findOne(VISIBLE, { _id: id, ...this.visibleFilter(p) });
    if (!h)
      throw unprocessable(
        'ASSISTANCE_HELPER_NOT_FOUND',
        bi('帮扶干部不存在或不在您的范围内', 'No such helper within your area'),
        [{ field, code: 'not_found', message: bi('帮扶干部不存在', 'no such helper') }],
      );
    if (h.status !== 'active')
      throw unprocessable(
        'ASSISTANCE_HELPER_INACTIVE',
        bi(`帮扶干部 ${h.name} 已停用`, `Helper ${h.name} is no longer active`),
        [{ field, code: 'inactive', message: bi('已停用', 'inactive') }],
      );
    return h;
  }

  filterOf(p: Principal, f: HelperFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [this.visibleFilter(p)];
    if (f.area) and.push(areaWithin(f.area, 'areaCode'));
    if (f.q) {
      const re = `^${escapeRegex(f.q.trim())}`;
      and.push({ $or: [{ name: { $regex: re } }, { unit: { $regex: re } }] });
    }
    if (f.unit) and.push({ unit: f.unit });
    if (f.rank?.length) and.push({ rank: { $in: f.rank } });
    if (f.status) and.push({ status: f.status });
    if (f.id?.length) and.push({ _id: { $in: f.id } });
    return { $and: and };
  }

  async list(p: Principal, q: ListQuery<HelperFilter>) {
    const { items, total } = await this.deps.helpers.page(VISIBLE, this.filterOf(p, q.filter), q);
    return { items: items.map((h) => this.view(h)), total };
  }

  cursor(p: Principal, f: HelperFilter): AsyncIterable<Helper> {
    return this.deps.helpers.cursor(VISIBLE, this.filterOf(p, f), {
      sort: { areaCode: 1, unit: 1, name: 1, _id: 1 },
      batchSize: 500,
    });
  }

  async byIdentity(unit: string, name: string): Promise<Helper | null> {
    // A unit's cadre is one person wherever they were registered.
    return this.deps.helpers.findOne(VISIBLE, { identityKey: identityKeyOf(unit, name) });
  }

  /** Whether the caller may register a helper at an area (its own area or below). */
  canRegisterAt(p: Principal, areaCode: string): boolean {
    return this.deps.helpers.contains(p, { areaCode });
  }

  async create(p: Principal, input: HelperInput): Promise<HelperView> {
    const areaCode = input.areaCode ?? p.areaCode;
    this.deps.helpers.assertWritable(p, areaCode);
    const now = this.deps.now();
    const doc: Helper = {
      _id: randomUUID(),
      name: input.name.trim(),
      unit: input.unit.trim(),
      department: input.department ?? null,
      rank: input.rank,
      position: input.position ?? null,
      phone: input.phone ? sealPhone(this.deps.cipher, input.phone) : null,
      areaCode,
      status: 'active',
      load: { key: 0, contact: 0 },
      identityKey: identityKeyOf(input.unit, input.name),
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.helpers.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err))
        throw conflict(
          'ASSISTANCE_HELPER_EXISTS',
          bi(
            `${doc.unit}的${doc.name}已登记为帮扶干部`,
            `${doc.name} of ${doc.unit} is already registered as a helper`,
          ),
        );
      throw err;
    }
    return this.view(doc);
  }

  async update(p: Principal, id: string, patch: HelperPatch, revision?: number) {
    const current = await this.load(p, id);
    this.deps.helpers.assertWritable(p, current);
    checkRevision(current.revision, revision);
    if (patch.status === 'inactive' && current.status === 'active') {
      const active = current.load.key + current.load.contact;
      if (active > 0)
        throw conflict(
          'ASSISTANCE_HELPER_HAS_PAIRINGS',
          bi(
            `${current.name}还有 ${active} 户结对帮扶，请先结束或转交后再停用`,
            `${current.name} still has ${active} active pairings; end or hand them over first`,
          ),
        );
    }
    const set: Partial<Helper> = { updatedAt: this.deps.now() };
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (patch.unit !== undefined) set.unit = patch.unit.trim();
    if (patch.department !== undefined) set.department = patch.department;
    if (patch.rank !== undefined) set.rank = patch.rank;
    if (patch.position !== undefined) set.position = patch.position;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.phone !== undefined)
      set.phone = patch.phone ? sealPhone(this.deps.cipher, patch.phone) : null;
    set.identityKey = identityKeyOf(set.unit ?? current.unit, set.name ?? current.name);
    try {
      const res = await this.deps.helpers.updateOne(
        p,
        { _id: id, revision: current.revision },
        { $set: set, $inc: { revision: 1 } },
      );
      if (res.modifiedCount === 0) throw revisionConflict();
    } catch (err) {
      if (isDuplicateKey(err))
        throw conflict(
          'ASSISTANCE_HELPER_EXISTS',
          bi('同一单位已有同名帮扶干部', 'The unit already has a helper of that name'),
        );
      throw err;
    }
    return this.view({ ...current, ...set, revision: current.revision + 1 } as Helper);
  }

  /**
   * Takes one place of the helper's quota for a role: a single conditional increment, so
   * concurrent pairings cannot overshoot the limit. False when the quota is full.
   */
  async claim(helperId: string, role: PairingRole, limit: number | null): Promise<boolean> {
    const field = `load.${role}`;
    const res = await this.deps.helpers.updateOne(
      LOAD,
      { _id: helperId, status: 'active', ...(limit === null ? {} : { [field]: { $lt: limit } }) },
      { $inc: { [field]: 1 } },
    );
    return res.modifiedCount === 1;
  }

  async release(helperId: string, role: PairingRole): Promise<void> {
    await this.deps.helpers.updateOne(
      LOAD,
      { _id: helperId, [`load.${role}`]: { $gt: 0 } },
      { $inc: { [`load.${role}`]: -1 } },
    );
  }

  /** Resets a helper's counters to the pairings actually active (the daily job repairs drift). */
  async setLoad(helperId: string, load: Record<PairingRole, number>): Promise<boolean> {
    const res = await this.deps.helpers.updateOne(
      LOAD,
      {
        _id: helperId,
        $or: [{ 'load.key': { $ne: load.key } }, { 'load.contact': { $ne: load.contact } }],
      },
      { $set: { load } },
    );
    return res.modifiedCount === 1;
  }

  /** Removes a helper registered for an import row that was then refused (never one in use). */
  async removeIfUnused(helperId: string): Promise<void> {
    await this.deps.helpers.deleteOne(LOAD, { _id: helperId, 'load.key': 0, 'load.contact': 0 });
  }

  async allIds(): Promise<{ _id: string; load: Record<PairingRole, number> }[]> {
    return this.deps.helpers.find(LOAD, {}, { projection: { load: 1 } });
  }

  async audit(
    p: Principal,
    ids: string[],
    action: 'unmask' | 'export',
    reason: string | null,
    requestId: string | null = null,
  ): Promise<void> {
    await this.deps.audit.record(p, {
      action,
      subjectType: 'helper',
      subjectIds: ids,
      fields: ['phone'],
      reason,
      requestId,
    });
  }
}
