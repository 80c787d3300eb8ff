import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  bi,
  conflict,
  countyWide,
  escapeRegex,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
  isDuplicateKey,
} from '@fupin/kit';
import { HelperRank as RankLabels, labelOf, shanghaiDateOf } from '@fupin/reference';
import { revisionConflict, checkRevision } from '../common/errors';
import { endDateFor, notInFuture } from '../common/terms';
import type { Helper, PairingRole } from '../helpers/helper.model';
import type { HelperService } from '../helpers/helper.service';
import type { HouseholdDirectory } from '../households/household.directory';
import { pairingCreated, pairingEnded } from './pairing.events';
import { activeKeyOf, type Pairing } from './pairing.model';
import type { PairingLimitService } from './pairing-limits.service';
import type { HouseholdMove } from '../households/household.directory';

export interface PairingInput {
  helperId: string;
  householdId: string;
  role: PairingRole;
  /** Defaults to today (Asia/Shanghai). */
  startDate?: string;
}

export interface PairingFilter {
  area?: string;
  householdId?: string;
  helperId?: string;
  role?: PairingRole;
  status?: 'active' | 'ended';
  q?: string;
  id?: string[];
}

export type PairingView = Omit<
  Pairing,
  '_id' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'activeKey' | 'keySlot'
> & {
  id: string;
};

const MISSING = { what: bi('结对帮扶', 'Pairing'), code: 'ASSISTANCE_PAIRING_NOT_FOUND' };
/**
 * The rules across areas: one key helper per household and a helper's load (checked wherever
 * the other pairings are), the daily coverage and visit jobs, and registry moves.
 */
const COUNTY = countyWide("pairing rules, jobs and registry moves that span the county's areas");

export const ROLE_ZH: Record<PairingRole, string> = { key: '重点帮扶', contact: '联系' };
export const ROLE_EN: Record<PairingRole, string> = { key: 'key helper', contact: 'contact' };

export function pairingView(p: Pairing): PairingView {
  const {
    _id,
    outbox: _o,
    hasOutbox: _h,
    outboxLease: _l,
    activeKey: _a,
    keySlot: _k,
    ...rest
  } = p;
  return { id: _id, ...rest };
}

/**
 * 干部帮户 — pairing helpers with households under the per-rank limits (seed 004), one
 * responsible (key) helper per household, and ending pairings with the reason kept.
 */
export class PairingService {
  constructor(
    private readonly deps: {
      /** Pairings, each in its household's area. */
      pairings: ScopedRepository<Pairing>;
      helpers: HelperService;
      households: HouseholdDirectory;
      limits: PairingLimitService;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: PairingInput, source: Pairing['source'] = 'api') {
    const household = await this.deps.households.getActive(p, input.householdId);
    const helper = await this.deps.helpers.forWork(p, input.helperId);
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const startDate = input.startDate ?? today;
    notInFuture(startDate, now, 'startDate');
    await this.refuseTaken(helper, household._id, input.role);

    const limit = (await this.deps.limits.of(helper.rank))[input.role];
    if (!(await this.deps.helpers.claim(helper._id, input.role, limit))) {
      const fresh = await this.deps.helpers.forWork(p, helper._id);
      throw this.limitReached(fresh, input.role, limit ?? 0);
    }
    const id = randomUUID();
    const doc: Pairing = {
      _id: id,
      helperId: helper._id,
      helperName: helper.name,
      helperUnit: helper.unit,
      helperRank: helper.rank,
      householdId: household._id,
      householdNo: household.householdNo,
      areaCode: household.areaCode,
      role: input.role,
      startDate,
      endDate: null,
      status: 'active',
      endReason: null,
      activeKey: activeKeyOf(helper._id, household._id),
      keySlot: input.role === 'key' ? household._id : `${household._id}:${id}`,
      source,
      createdAt: now,
      createdBy: p.userId,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.pairings.create(p, withOutbox(doc, [pairingCreated(doc, actorOf(p))]));
    } catch (err) {
      await this.deps.helpers.release(helper._id, input.role);
      // Someone paired the same household at the same moment: name what is taken now.
      if (isDuplicateKey(err)) await this.refuseTaken(helper, household._id, input.role);
      throw err;
    }
    this.deps.eventsStored();
    return pairingView(doc);
  }

  private async refuseTaken(helper: Helper, householdId: string, role: PairingRole) {
    const same = await this.deps.pairings.findOne(COUNTY, {
      activeKey: activeKeyOf(helper._id, householdId),
    });
    if (same)
      throw conflict(
        'ASSISTANCE_PAIRING_EXISTS',
        bi(
          `${helper.name}已与该户结对（${ROLE_ZH[same.role]}）`,
          `${helper.name} is already paired with this household (${ROLE_EN[same.role]})`,
        ),
        { pairingId: same._id },
      );
    if (role !== 'key') return;
    const key = await this.deps.pairings.findOne(COUNTY, { keySlot: householdId });
    if (key)
      throw conflict(
        'ASSISTANCE_HOUSEHOLD_HAS_KEY_HELPER',
        bi(
          `该户已有重点帮扶责任人（${key.helperName}），请先结束原结对`,
          `The household already has a key helper (${key.helperName}); end that pairing first`,
        ),
        { pairingId: key._id },
      );
  }

  private limitReached(helper: Helper, role: PairingRole, limit: number) {
    const label = labelOf(RankLabels, helper.rank, 'zh-CN');
    const rankZh = label.endsWith('干部') ? label : `${label}干部`;
    const rankEn = labelOf(RankLabels, helper.rank, 'en').toLowerCase();
    return unprocessable(
      'ASSISTANCE_PAIRING_LIMIT_REACHED',
      bi(
        `${rankZh}最多${ROLE_ZH[role]}${limit}户，${helper.name}已${ROLE_ZH[role]}${helper.load[role]}户`,
        `A ${rankEn} cadre may be the ${ROLE_EN[role]} of at most ${limit} households; ${helper.name} already is for ${helper.load[role]}`,
      ),
      [
        {
          field: 'role',
          code: 'limit_reached',
          message: bi(`已达上限 ${limit} 户`, `limit of ${limit} reached`),
        },
      ],
    );
  }

  private async load(p: Principal, id: string): Promise<Pairing> {
    return this.deps.pairings.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<PairingView> {
    return pairingView(await this.load(p, id));
  }

  async end(
    p: Principal,
    id: string,
    input: { reason: string; endDate?: string; revision?: number },
  ): Promise<PairingView> {
    const current = await this.load(p, id);
    checkRevision(current.revision, input.revision);
    if (current.status !== 'active')
      throw conflict(
        'ASSISTANCE_PAIRING_ALREADY_ENDED',
        bi('该结对已结束', 'The pairing has already ended'),
      );
    const endDate = endDateFor(current.startDate, input.endDate, this.deps.now());
    const next: Pairing = {
      ...current,
      status: 'ended',
      endDate,
      endReason: input.reason,
      activeKey: `${current.activeKey}:ended:${id}`,
      keySlot: `${current.householdId}:${id}`,
      updatedAt: this.deps.now(),
      revision: current.revision + 1,
    };
    const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...set } = next;
    const res = await this.deps.pairings.updateOne(
      p,
      { _id: id, revision: current.revision, status: 'active' },
      outboxUpdate({ $set: set }, [pairingEnded(next, input.reason, actorOf(p))]),
    );
    if (res.modifiedCount === 0) throw revisionConflict();
    await this.deps.helpers.release(current.helperId, current.role);
    this.deps.eventsStored();
    return pairingView(next);
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: PairingFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.helperId) and.push({ helperId: f.helperId });
    if (f.role) and.push({ role: f.role });
    if (f.status) and.push({ status: f.status });
    if (f.id?.length) and.push({ _id: { $in: f.id } });
    if (f.q) {
      const re = `^${escapeRegex(f.q.trim())}`;
      and.push({ $or: [{ householdNo: { $regex: re } }, { helperName: { $regex: re } }] });
    }
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<PairingFilter>) {
    const { items, total } = await this.deps.pairings.page(p, this.filterOf(q.filter), q);
    return { items: items.map(pairingView), total };
  }

  cursor(p: Principal, f: PairingFilter): AsyncIterable<Pairing> {
    return this.deps.pairings.cursor(p, this.filterOf(f), {
      sort: { areaCode: 1, householdNo: 1, _id: 1 },
    });
  }

  /** The active pairing of this helper with this household, if any (imports repeat harmlessly). */
  async activeOf(helperId: string, householdId: string): Promise<Pairing | null> {
    return this.deps.pairings.findOne(COUNTY, { activeKey: activeKeyOf(helperId, householdId) });
  }

  async activeForHousehold(householdId: string): Promise<PairingView[]> {
    const rows = await this.deps.pairings.find(
      COUNTY,
      { householdId, status: 'active' },
      { sort: { role: -1, startDate: 1 } },
    );
    return rows.map(pairingView);
  }

  /** Households with at least one active pairing, inside the scope (for coverage). */
  async pairedHouseholdIds(p: Principal | null, area?: string): Promise<string[]> {
    // Without a caller (the daily job) the whole county, whatever the area.
    const rows = await this.deps.pairings.find(
      p ?? COUNTY,
      allOf(p && area ? areaWithin(area) : undefined, { status: 'active' }),
      { projection: { householdId: 1 } },
    );
    return [...new Set(rows.map((r) => r.householdId))];
  }

  /**
   * The pairings whose helper owed a visit in a month: begun by its last day and not ended
   * within it (a pairing ended mid-month was handed over; the new helper owes the visit).
   */
  async dueInMonth(
    p: Principal | null,
    lastDay: string,
    area?: string,
  ): Promise<
    Pick<
      Pairing,
      '_id' | 'helperId' | 'helperName' | 'householdId' | 'householdNo' | 'areaCode' | 'role'
    >[]
  > {
    return this.deps.pairings.find(
      p ?? COUNTY,
      allOf(p && area ? areaWithin(area) : undefined, {
        startDate: { $lte: lastDay },
        $or: [{ status: 'active' }, { endDate: { $gt: lastDay } }],
      }),
      {
        projection: {
          helperId: 1,
          helperName: 1,
          householdId: 1,
          householdNo: 1,
          areaCode: 1,
          role: 1,
        },
      },
    );
  }

  /** Active pairings per helper and role, counted from the pairings themselves. */
  async activeLoads(): Promise<Map<string, Record<PairingRole, number>>> {
    const rows = await this.deps.pairings.aggregate<{
      _id: { helperId: string; role: PairingRole };
      n: number;
    }>(COUNTY, [
      { $match: { status: 'active' } },
      { $group: { _id: { helperId: '$helperId', role: '$role' }, n: { $sum: 1 } } },
    ]);
    const out = new Map<string, Record<PairingRole, number>>();
    for (const r of rows) {
      const load = out.get(r._id.helperId) ?? { key: 0, contact: 0 };
      load[r._id.role] = r.n;
      out.set(r._id.helperId, load);
    }
    return out;
  }

  /** The household moved to another village in the registry: its pairings follow it. */
  async householdsMoved(moves: HouseholdMove[]): Promise<void> {
    if (moves.length === 0) return;
    await this.deps.pairings.bulkUpdate(
      COUNTY,
      moves.map((m) => ({
        filter: { householdId: m.householdId },
        update: { $set: { areaCode: m.areaCode } },
        many: true,
      })),
      { ordered: false },
    );
  }
}
