import type { Envelope } from '@fupin/contracts';
import type { ListQuery, Principal } from '@fupin/kit';
import * as guarantees from './guarantee.changes';
import * as changes from './household.changes';
import * as imports from './household.import';
import { changeHead, type HeadChangeInput } from './household.head';
import type { GuaranteeCode, GuaranteeState, Household } from './household.model';
import { afterRehash } from './household.rehash';
import { buildNew, register } from './household.registration';
import { type HouseholdDeps, HouseholdStore } from './household.store';
import { recordSupportFacts } from './support-facts.changes';
import { type GuaranteeFreshness, SupportFactsFreshness } from '../guarantees/support-freshness';
import {
  rederiveGuarantees,
  type RederiveOutcome,
  type RederiveRequest,
} from './guarantee.rederive';
import type {
  HouseholdFacts,
  HouseholdFilter,
  HouseholdInput,
  HouseholdView,
  ImportOutcome,
  MemberInput,
  NewHousehold,
  TransitionStep,
  UnmaskRequest,
} from './household.types';
import { auditExport, auditUnmask, householdView } from './household.views';

export type {
  HouseholdFacts,
  HouseholdFilter,
  HouseholdInput,
  HouseholdView,
  ImportOutcome,
  MemberInput,
  MemberView,
  UnmaskRequest,
} from './household.types';
export { maskName } from './id-claims';

/** How fresh a household's derived guarantees are: support's lag, and its derivation version. */
export type GuaranteeFacts = GuaranteeFreshness & { derivation: number | null };

/**
 * 建档立卡 — registering households and their members, keeping their facts and derived
 * figures, and guarding the rule that one person is an active member of one household only.
 * Each operation lives in its use-case file (registration, changes, import, ID claims, views and
 * unmasking, fact derivation); this class is the one handle routes, workflows and jobs hold.
 */
export class HouseholdService {
  private readonly store: HouseholdStore;
  /** How far behind support's events the derived guarantees are (its consumer attaches it). */
  readonly supportFreshness: SupportFactsFreshness;

  constructor(deps: HouseholdDeps) {
    this.store = new HouseholdStore(deps);
    this.supportFreshness = new SupportFactsFreshness(() => this.store.now());
  }

  // ------------------------------------------------------------------ registration

  register(p: Principal, input: HouseholdInput, source = 'api'): Promise<HouseholdView> {
    return register(this.store, p, input, source);
  }

  /** Validates and builds a new household document (no writes). Throws 422 with every problem found. */
  buildNew(p: Principal, input: HouseholdInput, source: string): NewHousehold {
    return buildNew(this.store, p, input, source);
  }

  // ------------------------------------------------------------------ reads

  /** A household's detail, with how fresh its derived guarantees are (`guaranteeFacts`). */
  async get(
    p: Principal,
    id: string,
    unmask: UnmaskRequest | null = null,
  ): Promise<HouseholdView & { guaranteeFacts: GuaranteeFacts }> {
    const h = await this.store.load(p, id);
    if (unmask) await auditUnmask(this.store, p, [h._id], unmask);
    const { freshness: _f, ...support } = await this.supportFreshness.measure();
    return {
      ...this.view(h, unmask),
      guaranteeFacts: { ...support, derivation: h.guaranteesDerivation ?? null },
    };
  }

  async list(
    p: Principal,
    q: ListQuery<HouseholdFilter>,
  ): Promise<{ items: HouseholdView[]; total: number }> {
    const { items, total } = await this.store.deps.list.page(p, q);
    return { items: items.map((h) => this.view(h, null)), total };
  }

  async count(p: Principal, f: HouseholdFilter): Promise<number> {
    return this.store.deps.list.count(p, f);
  }

  /** The households a filter selects, in the given order (a list's sort; by id without one). */
  cursor(p: Principal, f: HouseholdFilter, sort: Record<string, 1 | -1> = { _id: 1 }) {
    return this.store.deps.list.households(p, f, sort);
  }

  load(p: Principal, id: string): Promise<Household> {
    return this.store.load(p, id);
  }

  // ------------------------------------------------------------------ changes

  update(
    p: Principal,
    id: string,
    patch: HouseholdFacts,
    revision?: number,
  ): Promise<HouseholdView> {
    return changes.update(this.store, p, id, patch, revision);
  }

  addMember(
    p: Principal,
    id: string,
    input: MemberInput,
    revision?: number,
  ): Promise<HouseholdView> {
    return changes.addMember(this.store, p, id, input, revision);
  }

  updateMember(
    p: Principal,
    id: string,
    memberId: string,
    patch: Partial<Omit<MemberInput, 'idNumber'>>,
    revision?: number,
  ): Promise<HouseholdView> {
    return changes.updateMember(this.store, p, id, memberId, patch, revision);
  }

  removeMember(
    p: Principal,
    id: string,
    memberId: string,
    reason: string,
    revision?: number,
    opts: { deceased?: boolean } = {},
  ): Promise<HouseholdView> {
    return changes.removeMember(this.store, p, id, memberId, reason, revision, opts);
  }

  /** 户主变更: a member becomes the head, the former head takes the relation given; one write. */
  changeHead(
    p: Principal,
    id: string,
    input: HeadChangeInput,
    revision?: number,
  ): Promise<HouseholdView> {
    return changeHead(this.store, p, id, input, revision);
  }

  /**
   * Moves a household to another status as a workflow step, recording who, when, why and the
   * evidence. Refused when the household is not in one of the `from` statuses any more.
   */
  transition(p: Principal, id: string, step: TransitionStep): Promise<HouseholdView> {
    return changes.transition(this.store, p, id, step);
  }

  // ------------------------------------------------------------------ guarantees

  /** 人工认定: a guarantee stated with a reason, over what the facts derive. */
  overrideGuarantee(
    p: Principal,
    id: string,
    code: GuaranteeCode,
    input: { state: GuaranteeState; reason: string; note?: string | null | undefined },
    revision?: number,
  ): Promise<HouseholdView> {
    return guarantees.overrideGuarantee(this.store, p, id, code, input, revision);
  }

  /** Back to what the facts derive (or unknown), with a reason. */
  clearGuaranteeOverride(
    p: Principal,
    id: string,
    code: GuaranteeCode,
    reason: string,
    revision?: number,
  ): Promise<HouseholdView> {
    return guarantees.clearGuaranteeOverride(this.store, p, id, code, reason, revision);
  }

  /** Support's events (enrollment, dropout, coverage) for the households they name. */
  recordSupportFacts(events: Envelope[]): Promise<number> {
    return recordSupportFacts(this.store, events);
  }

  /** Re-derives the guarantees of every household of a filter, in batches (idempotent). */
  /** After the reseal rewrote these households' keyed hashes: claims, member index, events. */
  afterRehash(ids: string[]): Promise<void> {
    return afterRehash(this.store, ids);
  }

  rederiveGuarantees(req: RederiveRequest): Promise<RederiveOutcome> {
    return rederiveGuarantees(this.store, req);
  }

  // ------------------------------------------------------------------ import

  /** Creates the household, or brings the one with the same household number up to the row. */
  upsertFromImport(
    p: Principal,
    input: HouseholdInput,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    return imports.upsertFromImport(this.store, p, input);
  }

  /** Many households at once, with the outcome of each. */
  importMany(
    p: Principal,
    inputs: HouseholdInput[],
    opts: { concurrency?: number } = {},
  ): Promise<ImportOutcome[]> {
    return imports.importMany(this.store, p, inputs, opts);
  }

  // ------------------------------------------------------------------ views and unmasking

  /** An export: which households, whether in clear, and why (the unmask reason, or the one given). */
  auditExport(
    p: Principal,
    ids: string[],
    req: UnmaskRequest | null,
    reason: string | null = null,
  ): Promise<void> {
    return auditExport(this.store, p, ids, req, reason);
  }

  /** Checks the right to unmask and audits; for exports of many households. */
  authorizeUnmask(p: Principal, ids: string[], req: UnmaskRequest): Promise<void> {
    return auditUnmask(this.store, p, ids, req);
  }

  view(h: Household, unmask: UnmaskRequest | null): HouseholdView {
    return householdView(this.store.deps.cipher, h, unmask);
  }
}
