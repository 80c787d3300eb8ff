import { randomUUID } from 'node:crypto';
import type { Envelope } from '@fupin/contracts';
import {
  AppError,
  assertInScope,
  type AuditLog,
  bi,
  conflict,
  type FieldError,
  hasRight,
  type ListQuery,
  notFound,
  outboxUpdate,
  type PersonalDataCipher,
  type Principal,
  unprocessable,
  withOutbox,
} from '@fupin/kit';
import {
  areaLevel,
  isAreaCode,
  maskBankAccount,
  maskIdNumber,
  maskPhone,
  parentCode,
} from '@fupin/reference';
import {
  actorOf,
  householdRegistered,
  householdStatusChanged,
  householdUpdated,
  memberAdded,
  memberRemoved,
  memberUpdated,
} from './household.events';
import {
  GUARANTEES,
  type Guarantees,
  type HistoryEntry,
  type Household,
  type HouseholdModel,
  type HouseholdStatus,
  type IdClaimModel,
  type Income,
  type Member,
  type PersonalValue,
} from './household.model';
import {
  allGuaranteesMet,
  checkMemberIdentity,
  headNameOf,
  isBelowPovertyLine,
  perCapitaIncomeFen,
  unmetGuarantees,
} from './household.rules';
import type { HouseholdListView } from './list/household-list.view';

export interface MemberInput {
  name: string;
  idNumber: string;
  relation: string;
  sex?: 'male' | 'female' | null;
  birthDate?: string | null;
  ethnicity?: string | null;
  educationLevel?: string | null;
  inSchool?: boolean;
  schoolStage?: string | null;
  health?: string | null;
  disabilityGrade?: string | null;
  labourCapacity?: string | null;
  migrantWork?: { working: boolean; place?: string | null; months?: number | null };
  medicalInsurance?: boolean;
  pensionInsurance?: boolean;
  minimumAllowance?: boolean;
  destituteSupport?: boolean;
  phone?: string | null;
}

export interface HouseholdFacts {
  address?: string;
  groupNo?: number | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  attribute?: string | null;
  mainCause?: string | null;
  otherCauses?: string[];
  guarantees?: Partial<Record<(typeof GUARANTEES)[number], { met: boolean; note?: string | null }>>;
  housingGrade?: 'A' | 'B' | 'C' | 'D' | null;
  identificationYear?: number | null;
  exitYear?: number | null;
  partyMember?: boolean;
  income?: Income | null;
}

export interface HouseholdInput extends HouseholdFacts {
  householdNo: string;
  /** The village (12-digit code) the household lives in. */
  areaCode: string;
  /** Registration by application starts as a candidate; an import of existing records states it. */
  status?: HouseholdStatus;
  members: MemberInput[];
}

export interface HouseholdFilter {
  area?: string;
  status?: HouseholdStatus[];
  attribute?: string;
  cause?: string;
  mainCause?: string;
  identificationYear?: number;
  exitYear?: number;
  guaranteeUnmet?: string;
  perCapitaMinFen?: number;
  perCapitaMaxFen?: number;
  belowPovertyLine?: boolean;
  memberName?: string;
  idNumber?: string;
  q?: string;
  id?: string[];
}

/** A member as the API shows it: personal values masked unless unmasked with a reason. */
export type MemberView = Omit<Member, 'idNumber' | 'phone'> & {
  idNumber: string;
  phone: string | null;
};
export type HouseholdView = Omit<
  Household,
  | '_id'
  | 'outbox'
  | 'hasOutbox'
  | 'outboxLease'
  | 'members'
  | 'phone'
  | 'bankAccount'
  | 'memberIdHashes'
  | 'memberNames'
> & {
  id: string;
  phone: string | null;
  bankAccount: string | null;
  members: MemberView[];
  unmasked: boolean;
};

export interface UnmaskRequest {
  reason: string;
  requestId?: string | null;
}

const HOUSEHOLD = bi('贫困户', 'Household');
/**
 * Longer than any write between storing a claim and storing its household (an import batch
 * on a slow server included): a younger claim whose household does not list the person
 * belongs to a registration still under way, never to be taken over.
 */
const CLAIM_SETTLE_MS = 10 * 60 * 1000;
const PERSONAL_FIELDS = ['members.idNumber', 'members.phone', 'phone', 'bankAccount'];

type NewHousehold = Omit<Household, 'outbox' | 'hasOutbox' | 'outboxLease'>;

/** The facts of a household as stored: what an update or an import row may state. */
type StoredFacts = Pick<
  Household,
  | 'address'
  | 'groupNo'
  | 'phone'
  | 'bankName'
  | 'bankAccount'
  | 'attribute'
  | 'mainCause'
  | 'otherCauses'
  | 'guarantees'
  | 'housingGrade'
  | 'identificationYear'
  | 'exitYear'
  | 'partyMember'
  | 'income'
>;

/**
 * 建档立卡 — registering households and their members, keeping their facts and derived
 * figures, and guarding the rule that one person is an active member of one household only.
 */
export class HouseholdService {
  constructor(
    private readonly deps: {
      households: HouseholdModel;
      claims: IdClaimModel;
      /** The list's slim rows, written after each household write. */
      list: HouseholdListView;
      cipher: PersonalDataCipher;
      audit: AuditLog;
      eventsStored?: () => void;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private seal(value: string, mask: (v: string) => string): PersonalValue {
    return { ...this.deps.cipher.seal(value), masked: mask(value) };
  }

  // ------------------------------------------------------------------ registration

  async register(p: Principal, input: HouseholdInput, source = 'api'): Promise<HouseholdView> {
    if (input.status && input.status !== 'candidate' && !hasRight(p, 'registry', 'approve')) {
      throw new AppError(
        403,
        'FORBIDDEN_STATUS',
        bi(
          '只有具备审批权限的用户才能直接登记在册状态；新申请从“待识别”开始',
          'Only users with the approve right may register a household directly with a status; applications start as candidates',
        ),
      );
    }
    const doc = this.buildNew(p, input, source);
    await this.claimIds(doc._id, doc.members);
    const events: Envelope[] = [
      householdRegistered(doc as Household, actorOf(p)),
      ...doc.members.map((m) => memberAdded(doc as Household, m, actorOf(p))),
    ];
    try {
      await this.deps.households.create(withOutbox(doc, events));
    } catch (err) {
      await this.releaseClaims(
        doc._id,
        doc.members.map((m) => m.idNumber.hash),
      );
      if ((err as { code?: unknown }).code === 11000) {
        throw conflict(
          'REGISTRY_HOUSEHOLD_NO_EXISTS',
          bi(
            `户编号 ${input.householdNo} 已存在`,
            `Household number ${input.householdNo} already exists`,
          ),
        );
      }
      throw err;
    }
    this.deps.eventsStored?.();
    await this.deps.list.record([doc]);
    return this.view(doc as Household, null);
  }

  /** Validates and builds a new household document (no writes). Throws 422 with every problem found. */
  buildNew(p: Principal, input: HouseholdInput, source: string): NewHousehold {
    const errors: FieldError[] = [];
    this.checkArea(p, input.areaCode, errors);
    const members = this.buildMembers(input.members, [], errors);
    if (input.members.length === 0) {
      errors.push({
        field: 'members',
        code: 'required',
        message: bi('至少需要一名家庭成员', 'At least one member is required'),
      });
    }
    if (errors.length) throw this.invalid(errors);
    const now = this.now();
    const facts = this.applyFacts(
      {
        address: '',
        groupNo: null,
        phone: null,
        bankName: null,
        bankAccount: null,
        attribute: null,
        mainCause: null,
        otherCauses: [],
        guarantees: allGuaranteesMet(),
        housingGrade: null,
        identificationYear: null,
        exitYear: null,
        partyMember: false,
        income: null,
      },
      input,
    );
    const doc: NewHousehold = {
      _id: randomUUID(),
      householdNo: input.householdNo.trim(),
      areaCode: input.areaCode,
      townshipCode: this.townshipOf(input.areaCode),
      status: input.status ?? 'candidate',
      ...facts,
      headName: '',
      size: 0,
      perCapitaIncomeFen: null,
      belowPovertyLine: null,
      guaranteesUnmet: [],
      members,
      memberIdHashes: [],
      memberNames: [],
      workflow: null,
      history: [
        this.historyEntry(
          p,
          source === 'import' ? 'imported' : 'registered',
          null,
          input.status ?? 'candidate',
          [],
        ),
      ],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    return this.derive(doc);
  }

  // ------------------------------------------------------------------ reads

  async get(p: Principal, id: string, unmask: UnmaskRequest | null = null): Promise<HouseholdView> {
    const h = await this.load(p, id);
    if (unmask) await this.auditUnmask(p, [h._id], unmask);
    return this.view(h, unmask);
  }

  async list(
    p: Principal,
    q: ListQuery<HouseholdFilter>,
  ): Promise<{ items: HouseholdView[]; total: number }> {
    const { items, total } = await this.deps.list.page(p, q);
    return { items: items.map((h) => this.view(h, null)), total };
  }

  async count(p: Principal, f: HouseholdFilter): Promise<number> {
    return this.deps.list.count(p, f);
  }

  /** The households a filter selects, in the given order (a list's sort; by id without one). */
  cursor(p: Principal, f: HouseholdFilter, sort: Record<string, 1 | -1> = { _id: 1 }) {
    return this.deps.list.households(p, f, sort);
  }

  // ------------------------------------------------------------------ changes

  async update(
    p: Principal,
    id: string,
    patch: HouseholdFacts,
    revision?: number,
  ): Promise<HouseholdView> {
    const current = await this.load(p, id);
    this.checkRevision(current, revision);
    const next = this.derive({ ...current, ...this.applyFacts(current, patch) });
    const changed = changedFields(current, next);
    if (changed.length === 0) return this.view(current, null);
    await this.save(p, current, next, 'updated', {
      changed,
      events: (h) => [householdUpdated(h, changed, actorOf(p))],
    });
    return this.view(next, null);
  }

  async addMember(
    p: Principal,
    id: string,
    input: MemberInput,
    revision?: number,
  ): Promise<HouseholdView> {
    const current = await this.load(p, id);
    this.checkRevision(current, revision);
    const errors: FieldError[] = [];
    const [member] = this.buildMembers([input], current.members, errors, 'member');
    if (errors.length || !member) throw this.invalid(errors);
    await this.claimIds(current._id, [member]);
    const next = this.derive({ ...current, members: [...current.members, member] });
    try {
      await this.save(p, current, next, 'member_added', {
        changed: ['members'],
        events: (h) => [
          memberAdded(h, member, actorOf(p)),
          ...(h.size !== current.size ? [householdUpdated(h, ['size'], actorOf(p))] : []),
        ],
      });
    } catch (err) {
      await this.releaseClaims(current._id, [member.idNumber.hash]);
      throw err;
    }
    return this.view(next, null);
  }

  async updateMember(
    p: Principal,
    id: string,
    memberId: string,
    patch: Partial<Omit<MemberInput, 'idNumber'>>,
    revision?: number,
  ): Promise<HouseholdView> {
    const current = await this.load(p, id);
    this.checkRevision(current, revision);
    const existing = current.members.find((m) => m.id === memberId && m.status === 'active');
    if (!existing) throw notFound(bi('家庭成员', 'Member'), 'REGISTRY_MEMBER_NOT_FOUND');
    const errors: FieldError[] = [];
    const merged = this.memberFacts(existing, patch, 'member', errors);
    if (patch.birthDate !== undefined || patch.sex !== undefined) {
      const idNumber = this.deps.cipher.open(existing.idNumber);
      const check = checkMemberIdentity(
        { idNumber, birthDate: merged.birthDate, sex: merged.sex },
        'member',
      );
      if (!check.ok) errors.push(...check.errors);
    }
    if (errors.length) throw this.invalid(errors);
    const changed = changedFields(existing, merged);
    if (changed.length === 0) return this.view(current, null);
    const next = this.derive({
      ...current,
      members: current.members.map((m) => (m.id === memberId ? merged : m)),
    });
    await this.save(p, current, next, 'member_updated', {
      changed: changed.map((c) => `members.${c}`),
      events: (h) => [memberUpdated(h, merged, changed, actorOf(p))],
    });
    return this.view(next, null);
  }

  async removeMember(
    p: Principal,
    id: string,
    memberId: string,
    reason: string,
    revision?: number,
  ): Promise<HouseholdView> {
    const current = await this.load(p, id);
    this.checkRevision(current, revision);
    const existing = current.members.find((m) => m.id === memberId && m.status === 'active');
    if (!existing) throw notFound(bi('家庭成员', 'Member'), 'REGISTRY_MEMBER_NOT_FOUND');
    if (current.members.filter((m) => m.status === 'active').length === 1) {
      throw unprocessable(
        'REGISTRY_LAST_MEMBER',
        bi('不能移除最后一名家庭成员', 'The last member of a household cannot be removed'),
      );
    }
    const removed: Member = {
      ...existing,
      status: 'removed',
      removedReason: reason,
      removedAt: this.now(),
    };
    const next = this.derive({
      ...current,
      members: current.members.map((m) => (m.id === memberId ? removed : m)),
    });
    await this.save(p, current, next, 'member_removed', {
      changed: ['members'],
      reason,
      events: (h) => [
        memberRemoved(h, removed, reason, actorOf(p)),
        householdUpdated(h, ['size'], actorOf(p)),
      ],
    });
    await this.releaseClaims(current._id, [existing.idNumber.hash]);
    return this.view(next, null);
  }

  /**
   * Moves a household to another status as a workflow step, recording who, when, why and the
   * evidence. Refused when the household is not in one of the `from` statuses any more.
   */
  async transition(
    p: Principal,
    id: string,
    step: {
      from: HouseholdStatus[];
      to: HouseholdStatus;
      action: string;
      workflow: string;
      reason: string;
      evidence?: string[];
      workflowState: unknown;
      set?: Partial<Pick<Household, 'exitYear' | 'identificationYear'>>;
      revision?: number;
    },
  ): Promise<HouseholdView> {
    const current = await this.load(p, id);
    this.checkRevision(current, step.revision);
    if (!step.from.includes(current.status)) {
      throw conflict(
        'REGISTRY_WORKFLOW_WRONG_STATUS',
        bi(
          `当前状态不允许此操作（当前：${current.status}）`,
          `Not allowed in the current status (${current.status})`,
        ),
        {
          currentStatus: current.status,
        },
      );
    }
    const next = this.derive({
      ...current,
      ...step.set,
      status: step.to,
      workflow: step.workflowState,
    });
    const statusChanged = current.status !== step.to;
    await this.save(p, current, next, step.action, {
      changed: statusChanged ? ['status'] : ['workflow'],
      reason: step.reason,
      evidence: step.evidence ?? [],
      from: current.status,
      to: step.to,
      events: (h) =>
        statusChanged
          ? [
              householdStatusChanged(
                h,
                current.status,
                step.to,
                step.reason,
                step.workflow,
                actorOf(p),
              ),
            ]
          : [],
    });
    return this.view(next, null);
  }

  /**
   * Import path: creates the household, or brings an existing one (same household number) up
   * to the row's facts. Unchanged rows change nothing (no revision, no event), so importing the
   * same file twice is idempotent.
   */
  async upsertFromImport(
    p: Principal,
    input: HouseholdInput,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const existing = await this.deps.households
      .findOne({ householdNo: input.householdNo.trim() })
      .lean<Household>();
    if (!existing) {
      await this.register(p, input, 'import');
      return 'created';
    }
    assertInScope(p, existing.areaCode);
    const errors: FieldError[] = [];
    this.checkArea(p, input.areaCode, errors);
    const byHash = new Map(
      existing.members.filter((m) => m.status === 'active').map((m) => [m.idNumber.hash, m]),
    );
    const seen = new Set<string>();
    const members: Member[] = existing.members.filter((m) => m.status !== 'active');
    const added: Member[] = [];
    const updated: { member: Member; changed: string[] }[] = [];
    input.members.forEach((mi, i) => {
      const check = checkMemberIdentity(mi, `members.${i}`);
      if (!check.ok) {
        errors.push(...check.errors);
        return;
      }
      const hash = this.deps.cipher.hash(check.identity.idNumber);
      if (seen.has(hash)) {
        errors.push({
          field: `members.${i}.idNumber`,
          code: 'duplicate_in_household',
          message: bi('同一户内身份证号重复', 'The same ID number appears twice in the household'),
        });
        return;
      }
      seen.add(hash);
      const old = byHash.get(hash);
      if (old) {
        const merged = this.memberFacts(
          old,
          { ...mi, birthDate: check.identity.birthDate, sex: check.identity.sex },
          `members.${i}`,
          errors,
        );
        const changed = changedFields(old, merged);
        if (changed.length) updated.push({ member: merged, changed });
        members.push(merged);
      } else {
        const [m] = this.buildMembers([mi], [], errors, `members.${i}`);
        if (m) {
          added.push(m);
          members.push(m);
        }
      }
    });
    if (errors.length) throw this.invalid(errors);
    const removed = [...byHash.values()]
      .filter((m) => !seen.has(m.idNumber.hash))
      .map((m) => ({
        ...m,
        status: 'removed' as const,
        removedReason: 'import',
        removedAt: this.now(),
      }));
    members.push(...removed);
    const factsNext = this.applyFacts(existing, input);
    const next = this.derive({
      ...existing,
      ...factsNext,
      areaCode: input.areaCode,
      townshipCode: this.townshipOf(input.areaCode),
      members: sortLike(existing.members, members),
    });
    const changed = changedFields(existing, next).filter(
      (c) => c !== 'members' || added.length || removed.length || updated.length,
    );
    if (changed.length === 0 && !added.length && !removed.length && !updated.length)
      return 'unchanged';
    await this.claimIds(existing._id, added);
    try {
      await this.save(p, existing, next, 'imported', {
        changed,
        events: (h) => [
          ...(changed.some((c) => c !== 'members')
            ? [householdUpdated(h, changed, actorOf(p))]
            : []),
          ...added.map((m) => memberAdded(h, m, actorOf(p))),
          ...updated.map((u) => memberUpdated(h, u.member, u.changed, actorOf(p))),
          ...removed.map((m) => memberRemoved(h, m, 'import', actorOf(p))),
        ],
      });
    } catch (err) {
      await this.releaseClaims(
        existing._id,
        added.map((m) => m.idNumber.hash),
      );
      throw err;
    }
    await this.releaseClaims(
      existing._id,
      removed.map((m) => m.idNumber.hash),
    );
    return 'updated';
  }

  /**
   * Import path for many households at once, with the outcome of each (an operational error
   * is that household's outcome; anything else is thrown). New households are written with
   * one claims write and one households write per batch, each household still a single
   * document with its events; those that meet a conflict, and existing households, go
   * through `upsertFromImport` one by one.
   */
  async importMany(
    p: Principal,
    inputs: HouseholdInput[],
    opts: { concurrency?: number } = {},
  ): Promise<ImportOutcome[]> {
    const results: ImportOutcome[] = new Array<ImportOutcome>(inputs.length);
    const one = async (i: number) => {
      try {
        results[i] = { outcome: await this.upsertFromImport(p, inputs[i]!) };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results[i] = { error: err };
      }
    };
    const existing = new Set(
      (
        await this.deps.households
          .find(
            { householdNo: { $in: inputs.map((x) => x.householdNo.trim()) } },
            { householdNo: 1 },
          )
          .lean<Pick<Household, 'householdNo'>[]>()
      ).map((h) => h.householdNo),
    );
    const oneByOne: number[] = [];
    const fresh: { i: number; doc: NewHousehold }[] = [];
    inputs.forEach((input, i) => {
      if (existing.has(input.householdNo.trim())) return void oneByOne.push(i);
      try {
        if (input.status && input.status !== 'candidate' && !hasRight(p, 'registry', 'approve'))
          oneByOne.push(i); // register() answers the refusal
        else fresh.push({ i, doc: this.buildNew(p, input, 'import') });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results[i] = { error: err };
      }
    });

    const at = this.now();
    const claims = fresh.flatMap((f) =>
      f.doc.members.map((m) => ({
        _id: m.idNumber.hash,
        householdId: f.doc._id,
        memberId: m.id,
        at,
      })),
    );
    const failedClaims = await insertUnordered(this.deps.claims.collection, claims);
    const conflicted = new Set([...failedClaims].map((k) => claims[k]!.householdId));
    const writable = fresh.filter((f) => !conflicted.has(f.doc._id));
    for (const f of fresh.filter((x) => conflicted.has(x.doc._id))) {
      await this.releaseClaims(
        f.doc._id,
        f.doc.members.map((m) => m.idNumber.hash),
      );
      oneByOne.push(f.i);
    }
    const docs = writable.map((f) =>
      withOutbox({ ...f.doc, outboxLease: null }, [
        householdRegistered(f.doc as Household, actorOf(p)),
        ...f.doc.members.map((m) => memberAdded(f.doc as Household, m, actorOf(p))),
      ]),
    );
    const failedDocs = await insertUnordered(this.deps.households.collection, docs);
    await this.deps.list.record(docs.filter((_, k) => !failedDocs.has(k)));
    writable.forEach((f, k) => {
      if (!failedDocs.has(k)) results[f.i] = { outcome: 'created' };
    });
    for (const k of failedDocs) {
      const f = writable[k]!;
      await this.releaseClaims(
        f.doc._id,
        f.doc.members.map((m) => m.idNumber.hash),
      );
      oneByOne.push(f.i);
    }
    if (docs.length > failedDocs.size) this.deps.eventsStored?.();

    const limit = Math.max(1, opts.concurrency ?? 8);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, oneByOne.length) }, async () => {
        while (next < oneByOne.length) await one(oneByOne[next++]!);
      }),
    );
    return results;
  }

  // ------------------------------------------------------------------ internals

  async load(p: Principal, id: string): Promise<Household> {
    const h = await this.deps.households.findById(id).lean<Household>();
    if (!h) throw notFound(HOUSEHOLD, 'REGISTRY_HOUSEHOLD_NOT_FOUND');
    assertInScope(p, h.areaCode);
    return h;
  }

  private checkRevision(h: Household, revision: number | undefined): void {
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
  private async save(
    p: Principal,
    current: Household,
    next: Household,
    action: string,
    opts: {
      changed: string[];
      events: (h: Household) => Envelope[];
      reason?: string;
      evidence?: string[];
      from?: string | null;
      to?: string | null;
    },
  ): Promise<void> {
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
    const res = await this.deps.households.updateOne({ _id, revision: current.revision }, update);
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

  private historyEntry(
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

  private checkArea(p: Principal, areaCode: string, errors: FieldError[]): void {
    if (!isAreaCode(areaCode) || areaLevel(areaCode) !== 'village') {
      errors.push({
        field: 'areaCode',
        code: 'not_village',
        message: bi('须为行政村的12位代码', 'must be the 12-digit code of a village'),
      });
      return;
    }
    assertInScope(p, areaCode);
  }

  private townshipOf(villageCode: string): string {
    return parentCode(villageCode) ?? villageCode;
  }

  private buildMembers(
    inputs: MemberInput[],
    existing: Member[],
    errors: FieldError[],
    prefix = 'members',
  ): Member[] {
    const hashes = new Set(
      existing.filter((m) => m.status === 'active').map((m) => m.idNumber.hash),
    );
    const out: Member[] = [];
    inputs.forEach((mi, i) => {
      const field =
        inputs.length === 1 && prefix === 'member'
          ? 'member'
          : prefix === 'members'
            ? `members.${i}`
            : prefix;
      const check = checkMemberIdentity(mi, field);
      if (!check.ok) {
        errors.push(...check.errors);
        return;
      }
      const sealed = this.seal(check.identity.idNumber, maskIdNumber);
      if (hashes.has(sealed.hash)) {
        errors.push({
          field: `${field}.idNumber`,
          code: 'duplicate_in_household',
          message: bi('同一户内身份证号重复', 'The same ID number appears twice in the household'),
        });
        return;
      }
      hashes.add(sealed.hash);
      const base: Member = {
        id: randomUUID(),
        name: mi.name.trim(),
        idNumber: sealed,
        relation: mi.relation,
        sex: check.identity.sex,
        birthDate: check.identity.birthDate,
        ethnicity: null,
        educationLevel: null,
        inSchool: false,
        schoolStage: null,
        health: null,
        disabilityGrade: null,
        labourCapacity: null,
        migrantWork: { working: false, place: null, months: null },
        medicalInsurance: false,
        pensionInsurance: false,
        minimumAllowance: false,
        destituteSupport: false,
        phone: null,
        status: 'active',
        removedReason: null,
        removedAt: null,
      };
      out.push(
        this.memberFacts(
          base,
          { ...mi, birthDate: check.identity.birthDate, sex: check.identity.sex },
          field,
          errors,
        ),
      );
    });
    return out;
  }

  private memberFacts(
    m: Member,
    patch: Partial<MemberInput>,
    _field: string,
    _errors: FieldError[],
  ): Member {
    const next: Member = { ...m };
    const keys = [
      'name',
      'relation',
      'sex',
      'birthDate',
      'ethnicity',
      'educationLevel',
      'inSchool',
      'schoolStage',
      'health',
      'disabilityGrade',
      'labourCapacity',
      'medicalInsurance',
      'pensionInsurance',
      'minimumAllowance',
      'destituteSupport',
    ] as const;
    for (const k of keys) {
      const v = patch[k];
      if (v !== undefined && v !== null)
        (next as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
      else if (v === null && k !== 'name' && k !== 'relation' && k !== 'sex' && k !== 'birthDate')
        (next as unknown as Record<string, unknown>)[k] = null;
    }
    if (patch.migrantWork)
      next.migrantWork = {
        working: patch.migrantWork.working,
        place: patch.migrantWork.place ?? null,
        months: patch.migrantWork.months ?? null,
      };
    if (patch.phone !== undefined) {
      const samePhone =
        m.phone && patch.phone && this.deps.cipher.hash(patch.phone) === m.phone.hash;
      next.phone =
        patch.phone === null ? null : samePhone ? m.phone : this.seal(patch.phone, maskPhone);
    }
    return next;
  }

  /** Applies the stated facts over the current ones; personal values are sealed, unchanged ones kept. */
  private applyFacts(current: StoredFacts, f: HouseholdFacts): StoredFacts {
    const sealedOrKept = (
      value: string | null | undefined,
      old: PersonalValue | null,
      mask: (v: string) => string,
    ) => {
      if (value === undefined) return old;
      if (value === null || value.trim() === '') return null;
      return old && this.deps.cipher.hash(value.trim()) === old.hash
        ? old
        : this.seal(value.trim(), mask);
    };
    const guarantees: Guarantees = { ...current.guarantees };
    for (const g of GUARANTEES) {
      const v = f.guarantees?.[g];
      if (v) guarantees[g] = { met: v.met, note: v.note ?? null };
    }
    return {
      address: f.address?.trim() ?? current.address,
      groupNo: f.groupNo === undefined ? current.groupNo : f.groupNo,
      phone: sealedOrKept(f.phone, current.phone, maskPhone),
      bankName: f.bankName === undefined ? current.bankName : f.bankName,
      bankAccount: sealedOrKept(f.bankAccount, current.bankAccount, maskBankAccount),
      attribute: f.attribute === undefined ? current.attribute : f.attribute,
      mainCause: f.mainCause === undefined ? current.mainCause : f.mainCause,
      otherCauses: f.otherCauses ?? current.otherCauses,
      guarantees,
      housingGrade: f.housingGrade === undefined ? current.housingGrade : f.housingGrade,
      identificationYear:
        f.identificationYear === undefined ? current.identificationYear : f.identificationYear,
      exitYear: f.exitYear === undefined ? current.exitYear : f.exitYear,
      partyMember: f.partyMember ?? current.partyMember,
      income: f.income === undefined ? current.income : f.income,
    };
  }

  /** Recomputes what is never typed in: size, head, per-capita income, line comparison, unmet guarantees. */
  private derive<T extends NewHousehold>(h: T): T {
    const active = h.members.filter((m) => m.status === 'active');
    const size = active.length;
    const perCapita = perCapitaIncomeFen(h.income, size);
    return {
      ...h,
      size,
      headName: headNameOf(h.members),
      perCapitaIncomeFen: perCapita,
      belowPovertyLine: isBelowPovertyLine(perCapita, h.income?.year ?? null),
      guaranteesUnmet: unmetGuarantees(h.guarantees),
      memberIdHashes: active.map((m) => m.idNumber.hash),
      memberNames: active.map((m) => m.name),
    };
  }

  /**
   * Claims each member's ID number for this household. A claim held by another household
   * that still has that person as an active member is a conflict (named, masked). A claim
   * whose household does not list the person is either a write still under way (claims are
   * stored first, the household right after) — refused, as the person is being registered
   * elsewhere — or, once older than `CLAIM_SETTLE_MS`, left behind by an interrupted write and
   * taken over.
   */
  private async claimIds(householdId: string, members: Member[]): Promise<void> {
    const done: string[] = [];
    const refuse = async <E>(err: E): Promise<E> => {
      await this.releaseClaims(householdId, done);
      return err;
    };
    for (const m of members.filter((x) => x.status === 'active')) {
      const hash = m.idNumber.hash;
      for (let attempt = 1; ; attempt++) {
        try {
          await this.deps.claims.create({ _id: hash, householdId, memberId: m.id, at: this.now() });
          done.push(hash);
          break;
        } catch (err) {
          if ((err as { code?: unknown }).code !== 11000) throw await refuse(err);
        }
        const claim = await this.deps.claims.findById(hash).lean();
        if (claim?.householdId === householdId) break;
        const other = claim
          ? await this.deps.households
              .findOne(
                { _id: claim.householdId, memberIdHashes: hash },
                { householdNo: 1, headName: 1, townshipCode: 1 },
              )
              .lean()
          : null;
        if (other) {
          throw await refuse(
            conflict(
              'REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD',
              bi(
                `身份证号 ${m.idNumber.masked} 已是户 ${other.householdNo}（户主 ${maskName(other.headName)}）的在册成员，同一人不能同时在两户`,
                `ID number ${m.idNumber.masked} is already an active member of household ${other.householdNo} (head ${maskName(other.headName)})`,
              ),
              { otherHouseholdNo: other.householdNo, idNumber: m.idNumber.masked },
            ),
          );
        }
        const settled =
          claim !== null && this.now().getTime() - new Date(claim.at).getTime() >= CLAIM_SETTLE_MS;
        if (claim && settled) {
          // Left over from an interrupted write: take it over, unless someone just did.
          const taken = await this.deps.claims.updateOne(
            { _id: hash, householdId: claim.householdId, at: claim.at },
            { $set: { householdId, memberId: m.id, at: this.now() } },
          );
          if (taken.matchedCount === 1) {
            done.push(hash);
            break;
          }
        }
        // Released meanwhile (claim gone): try again. Still being written elsewhere: refuse.
        if ((claim && !settled) || attempt >= 3) throw await refuse(beingRegistered(m));
      }
    }
  }

  private async releaseClaims(householdId: string, hashes: string[]): Promise<void> {
    if (hashes.length) await this.deps.claims.deleteMany({ _id: { $in: hashes }, householdId });
  }

  private async auditUnmask(p: Principal, ids: string[], req: UnmaskRequest): Promise<void> {
    if (!hasRight(p, 'registry', 'unmask')) {
      throw new AppError(
        403,
        'FORBIDDEN_UNMASK',
        bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
      );
    }
    await this.deps.audit.record(p, {
      action: 'unmask',
      subjectType: 'household',
      subjectIds: ids,
      fields: PERSONAL_FIELDS,
      reason: req.reason,
      requestId: req.requestId ?? null,
    });
  }

  /** Records an export of personal data in clear (the caller checks the rights). */
  /** An export: which households, whether in clear, and why (the unmask reason, or the one given). */
  async auditExport(
    p: Principal,
    ids: string[],
    req: UnmaskRequest | null,
    reason: string | null = null,
  ): Promise<void> {
    await this.deps.audit.record(p, {
      action: 'export',
      subjectType: 'household',
      subjectIds: ids,
      fields: req ? PERSONAL_FIELDS : [],
      reason: req?.reason ?? reason,
      requestId: req?.requestId ?? null,
    });
  }

  /** Checks the right to unmask and audits; for exports of many households. */
  async authorizeUnmask(p: Principal, ids: string[], req: UnmaskRequest): Promise<void> {
    await this.auditUnmask(p, ids, req);
  }

  view(h: Household, unmask: UnmaskRequest | null): HouseholdView {
    const show = (v: PersonalValue | null) =>
      v === null ? null : unmask ? this.deps.cipher.open(v) : v.masked;
    const {
      _id,
      outbox: _o,
      hasOutbox: _h,
      outboxLease: _l,
      members,
      phone,
      bankAccount,
      memberIdHashes: _mh,
      memberNames: _mn,
      ...rest
    } = h;
    return {
      id: _id,
      ...rest,
      phone: show(phone),
      bankAccount: show(bankAccount),
      members: members.map((m) => ({
        ...m,
        idNumber: show(m.idNumber) ?? '',
        phone: show(m.phone),
      })),
      unmasked: unmask !== null,
    };
  }

  private invalid(errors: FieldError[]): AppError {
    return unprocessable(
      'REGISTRY_HOUSEHOLD_INVALID',
      bi(
        '户或成员信息有误，请检查标出的字段',
        'The household or member data is invalid; see the listed fields',
      ),
      errors,
    );
  }
}

/** The person is being registered in another household by a write still under way. */
function beingRegistered(m: Member): AppError {
  return conflict(
    'REGISTRY_ID_NUMBER_BEING_REGISTERED',
    bi(
      `身份证号 ${m.idNumber.masked} 正在另一户登记中，同一人不能同时在两户；请稍后再试`,
      `ID number ${m.idNumber.masked} is being registered in another household right now; try again shortly`,
    ),
    { idNumber: m.idNumber.masked },
  );
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough to recognise, not to identify. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

function changedFields(a: object, b: object): string[] {
  const skip = new Set(['revision', 'updatedAt', 'history', 'outbox', 'hasOutbox', 'outboxLease']);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter(
      (k) =>
        !skip.has(k) &&
        JSON.stringify((a as Record<string, unknown>)[k]) !==
          JSON.stringify((b as Record<string, unknown>)[k]),
    )
    .sort();
}

/** Keeps members in their first-seen order so re-imports do not reorder (and "change") them. */
function sortLike(original: Member[], next: Member[]): Member[] {
  const order = new Map(original.map((m, i) => [m.idNumber.hash, i]));
  return [...next].sort(
    (x, y) => (order.get(x.idNumber.hash) ?? 1e9) - (order.get(y.idNumber.hash) ?? 1e9),
  );
}

/** What `importMany` reports for each household. */
export type ImportOutcome = { outcome: 'created' | 'updated' | 'unchanged' } | { error: AppError };

/**
 * Inserts documents without stopping at the first duplicate; returns the indexes refused
 * as duplicates (any other failure is thrown).
 */
async function insertUnordered(
  collection: { insertMany(docs: object[], opts: { ordered: boolean }): Promise<unknown> },
  docs: object[],
): Promise<Set<number>> {
  const failed = new Set<number>();
  if (!docs.length) return failed;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (err) {
    const raw = (err as { writeErrors?: unknown }).writeErrors;
    const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
      index: number;
      code?: number;
    }[];
    if (!writeErrors.length || writeErrors.some((w) => w.code !== 11000)) throw err;
    for (const w of writeErrors) failed.add(w.index);
  }
  return failed;
}
