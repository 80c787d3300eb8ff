import type { Envelope } from '@fupin/contracts';
import {
  AppError,
  type AuditLog,
  bi,
  conflict,
  outboxUpdate,
  type PersonalDataCipher,
  type Principal,
  type ScopedRepository,
  READ_IN_SCOPE,
} from '@fupin/kit';
import type { HistoryEntry, Household, IdClaimModel, PersonalValue } from './household.model';
import type { HouseholdListView } from './list/household-list.view';

const HOUSEHOLD = bi('贫困户', 'Household');

/** The collections and services the household use cases work with. */
export interface HouseholdDeps {
  households: ScopedRepository<Household>;
  claims: IdClaimModel;
  /** The list's slim rows, written after each household write. */
  list: HouseholdListView;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  eventsStored?: () => void;
  now?: () => Date;
  /** The village's tap water item (饮水安全 is derived from it): null when not recorded. */
  villageTapWater?: (villageCode: string) => Promise<boolean | null>;
  /** The same for many villages in one read (a batch of households). */
  villageTapWaters?: (villageCodes: string[]) => Promise<Map<string, boolean | null>>;
}

/** What a household write records besides the change itself. */
export interface SaveOptions {
  changed: string[];
  events: (h: Household) => Envelope[];
  reason?: string;
  evidence?: string[];
  from?: string | null;
  to?: string | null;
}

/**
 * What every household use case shares: the collections, the cipher and the audit log, the clock,
 * and the one way a household is read (in the caller's scope) and written (one document, its
 * history entry and its events, guarded by revision).
 */
export class HouseholdStore {
  constructor(readonly deps: HouseholdDeps) {}

  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The village's tap water item, or null (no lookup given, or nothing recorded). */
  async waterOf(villageCode: string): Promise<boolean | null> {
    return (await this.deps.villageTapWater?.(villageCode)) ?? null;
  }

  /** The tap water item of each village named, in one read when the look-up allows it. */
  async watersOf(villageCodes: string[]): Promise<Map<string, boolean | null>> {
    const codes = [...new Set(villageCodes)];
    if (this.deps.villageTapWaters) return this.deps.villageTapWaters(codes);
    const out = new Map<string, boolean | null>();
    for (const c of codes) out.set(c, await this.waterOf(c));
    return out;
  }

  seal(value: string, mask: (v: string) => string): PersonalValue {
    return { ...this.deps.cipher.seal(value), masked: mask(value) };
  }

  /** A household to read or change: 404 when missing, 403 when outside the caller's scope. */
  load(p: Principal, id: string): Promise<Household> {
    return this.deps.households.getForChange(p, id, {
      what: HOUSEHOLD,
      code: 'REGISTRY_HOUSEHOLD_NOT_FOUND',
    });
  }

  checkRevision(h: Household, revision: number | undefined): void {
    if (revision !== undefined && revision !== h.revision) {
      throw conflict(
        'REGISTRY_HOUSEHOLD_STALE',
        bi(
          '该户已被他人修改，请刷新后重试',
          'The household was changed by someone else; reload and retry',
        ),
        { currentRevision: h.revision },
      );
    }
  }

  /** One single-document write: the change, its history entry and its events; guarded by revision. */
  async save(p: Principal, current: Household, next: Household, action: string, opts: SaveOptions) {
    const { filter, update } = this.writeOf(p, current, next, action, opts);
    const res = await this.deps.households.updateOne(READ_IN_SCOPE, filter, update);
    if (res.matchedCount !== 1) {
      throw new AppError(
        409,
        'REGISTRY_HOUSEHOLD_STALE',
        bi(
          '该户已被他人修改，请刷新后重试',
          'The household was changed by someone else; reload and retry',
        ),
      );
    }
    this.deps.eventsStored?.();
    await this.deps.list.record([next]);
  }

  /**
   * Many households' writes in one unordered bulk write, each guarded by its revision; the list
   * rows of those `listRow` names in one more. Answers the ids written: a household changed
   * meanwhile is not (its history has no entry naming the write's evidence), for the caller to
   * read again.
   */
  async saveMany(
    writes: {
      p: Principal;
      current: Household;
      next: Household;
      action: string;
      opts: SaveOptions;
    }[],
    listRow: (next: Household) => boolean = () => true,
  ): Promise<Set<string>> {
    if (writes.length === 0) return new Set();
    const ops = writes.map((w) => this.writeOf(w.p, w.current, w.next, w.action, w.opts));
    await this.deps.households.bulkUpdate(READ_IN_SCOPE, ops, { ordered: false });
    const marks = new Map(writes.map((w) => [w.current._id, w.opts.evidence?.[0] ?? null]));
    const stored = await this.deps.households.find(
      READ_IN_SCOPE,
      { _id: { $in: [...marks.keys()] } },
      { projection: { _id: 1, revision: 1, 'history.evidence': 1 } },
    );
    const written = new Set(
      stored
        .filter((h) => {
          const mark = marks.get(h._id);
          return mark ? h.history.some((e) => e.evidence?.includes(mark)) : false;
        })
        .map((h) => h._id),
    );
    if (written.size) this.deps.eventsStored?.();
    await this.deps.list.record(
      writes.filter((w) => written.has(w.current._id) && listRow(w.next)).map((w) => w.next),
    );
    return written;
  }

  /** The guarded update of one household write (sets the next revision and time on `next`). */
  private writeOf(
    p: Principal,
    current: Household,
    next: Household,
    action: string,
    opts: SaveOptions,
  ): { filter: Record<string, unknown>; update: Record<string, unknown> } {
    next.revision = current.revision + 1;
    next.updatedAt = this.now();
    const entry = this.historyEntry(
      p,
      action,
      opts.from ?? null,
      opts.to ?? null,
      opts.changed,
      opts.reason ?? null,
      opts.evidence ?? [],
    );
    const {
      _id,
      history: _h,
      outbox: _o,
      hasOutbox: _ho,
      outboxLease: _ol,
      createdAt: _c,
      ...set
    } = next;
    next.history = [...current.history, entry];
    const update = outboxUpdate({ $set: set, $push: { history: entry } }, opts.events(next));
    return { filter: { _id, revision: current.revision }, update };
  }

  historyEntry(
    p: Principal,
    action: string,
    from: string | null,
    to: string | null,
    changed: string[],
    reason: string | null = null,
    evidence: string[] = [],
  ): HistoryEntry {
    return {
      at: this.now(),
      actorId: p.userId,
      actorName: p.username,
      action,
      from,
      to,
      reason,
      evidence,
      changed,
    };
  }
}
