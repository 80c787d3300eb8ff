import type { FindingConclusion, FindingStatus, MatchingRuleCode } from '@fupin/contracts';
import {
  allOf,
  AppError,
  areaWithin,
  bi,
  countyWide,
  type ListQuery,
  notFound,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  withOutbox,
  actorOf,
  isDuplicateKey,
  unprocessable,
} from '@fupin/kit';
import { townshipOf } from '@fupin/reference';
import type { Model } from 'mongoose';
import { mayUseListType, ownListTypeFilter } from '../lists/list-departments';
import type { ListType } from '../lists/list-types';
import { idsToLookUp, resolveAliases } from './finding-aliases';
import { findingReopened } from './finding.events';
import { findingCreated, findingDueChanged, findingOverdue, stepEvent } from './finding.events';
import { checkDue, dueChange } from './finding-due';
import { reopened } from './finding-reopen';
import type { Finding, FindingCandidate, RegistryOutcomeRecord } from './finding.model';
import type { DismissalReason } from './finding-dismissal';
import { closeNeedsReason, closeReasonRequired, withOutcome } from './finding-outcome';
import { transition, type WorkflowAction } from './finding.workflow';

const DAY_MS = 24 * 3600 * 1000;
const MISSING = { what: bi('比对问题', 'Finding'), code: 'MATCHING_FINDING_NOT_FOUND' };
/** What a run records, and the overdue sweep, cover every area of the county. */
const RUN = countyWide('a matching run records what it found in every area');
const SWEEP = countyWide('the overdue sweep reports every overdue finding');
const OUTCOMES = countyWide("the registry's outcomes arrive for findings of every area");

/** The finding changed between reading and writing it (optimistic concurrency). */
const changed = () =>
  new AppError(
    409,
    'MATCHING_FINDING_CHANGED',
    bi(
      '该问题刚被他人处理，请刷新后重试',
      'Someone else changed the finding; reload and try again',
    ),
  );

export type FindingView = Omit<
  Finding,
  '_id' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'runKey'
> & {
  id: string;
  overdue: boolean;
};

export interface FindingFilter {
  rule?: MatchingRuleCode | undefined;
  status?: FindingStatus | undefined;
  listType?: ListType | undefined;
  overdue?: boolean | undefined;
  areaCode?: string | undefined;
  townshipCode?: string | undefined;
  householdId?: string | undefined;
  runId?: string | undefined;
  open?: boolean | undefined;
}

export interface StepInput {
  conclusion?: FindingConclusion;
  /** 不属实原因, with the conclusion `not_confirmed`. */
  reasonCode?: DismissalReason | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

/**
 * 比对问题 — recording what runs find (each problem once, re-confirmed by later runs) and the
 * verification workflow, every change with its event in the finding's outbox.
 */
export class FindingService {
  constructor(
    private readonly deps: {
      /** Findings, visible where any area they involve lies in the caller's scope. */
      findings: ScopedRepository<Finding>;
      /** The same collection's model, for the outbox relay alone. */
      outboxModel: Model<Finding>;
      eventsStored: () => void;
      now: () => Date;
      overdueDays: number;
    },
  ) {}

  /** For the outbox relay; reads and writes go through the repository. */
  get outboxModel(): Model<Finding> {
    return this.deps.outboxModel;
  }

  /**
   * Records a batch of a run's findings: new ones are created (with their event), existing
   * ones re-confirmed once per run. A run repeated after a crash changes nothing twice.
   */
  async record(
    batch: FindingCandidate[],
    runId: string,
  ): Promise<{ created: number; reconfirmed: number; reopened: number }> {
    if (batch.length === 0) return { created: 0, reconfirmed: 0, reopened: 0 };
    const findings = this.deps.findings;
    const now = this.deps.now();
    const { batch: resolved, stored } = await this.storedOf(batch);
    batch = resolved;
    const existing = new Set(stored.map((f) => f._id));
    // Closed findings found again by another run are reopened, not merely re-confirmed.
    const closed = new Set(
      stored.filter((f) => f.status === 'closed' && f.lastRunId !== runId).map((f) => f._id),
    );
    const fresh = batch.filter((f) => !existing.has(f._id));
    let created = 0;
    if (fresh.length) {
      const docs = fresh.map((c) => {
        const f = this.newFinding(c, runId, now);
        return withOutbox(f, [findingCreated(f)]);
      });
      try {
        // The driver directly: the documents are complete, and casting thousands costs time.
        await findings.insertMany(RUN, docs, { ordered: false, driver: true });
        created = docs.length;
      } catch (err) {
        // Another instance recorded some of them first: those are re-confirmed instead.
        const writeErrors = (err as { writeErrors?: { index: number }[] }).writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (list.length === 0 || !isDuplicateKey(err)) throw err;
        created = docs.length - list.length;
        for (const e of list) existing.add(docs[e.index]!._id);
      }
      this.deps.eventsStored();
    }
    const reopened = closed.size
      ? await this.reopen(
          batch.filter((c) => closed.has(c._id)),
          runId,
          now,
        )
      : 0;
    let reconfirmed = 0;
    const open = [...existing].filter((id) => !closed.has(id));
    if (open.length) {
      // One update per finding rather than one $in over all: far cheaper on every server.
      reconfirmed = await findings.bulkUpdate(
        RUN,
        open.map((id) => ({
          filter: { _id: id, lastRunId: { $ne: runId } },
          update: { $set: { lastRunId: runId, lastSeenAt: now }, $inc: { confirmations: 1 } },
        })),
        { ordered: false },
      );
    }
    return { created, reconfirmed, reopened };
  }

  /**
   * The stored findings a batch is about, and the batch under their ids: a candidate whose
   * finding was recorded under a legacy (HMAC-key-dependent) id is that finding, linked to
   * the candidate's id (`runKey`) for the runs after the old key is dropped.
   */
  private async storedOf(batch: FindingCandidate[]): Promise<{
    batch: FindingCandidate[];
    stored: Pick<Finding, '_id' | 'status' | 'lastRunId'>[];
  }> {
    const findings = this.deps.findings;
    const projection = { _id: 1, status: 1, lastRunId: 1, runKey: 1 } as const;
    const stored = await findings.find(RUN, { _id: { $in: idsToLookUp(batch) } }, { projection });
    const found = new Set(stored.map((f) => f._id));
    const unknown = batch.map((f) => f._id).filter((id) => !found.has(id));
    if (unknown.length)
      stored.push(...(await findings.find(RUN, { runKey: { $in: unknown } }, { projection })));
    const { batch: resolved, links } = resolveAliases(batch, stored);
    if (links.length)
      await findings.bulkUpdate(
        RUN,
        links.map((l) => ({ filter: { _id: l._id }, update: { $set: { runKey: l.runKey } } })),
        { ordered: false },
      );
    return { batch: resolved, stored };
  }

  /**
   * Reopens closed findings a run found again, each with its event; one that changed in
   * between (another instance reopened it first) is left as that instance wrote it.
   */
  private async reopen(candidates: FindingCandidate[], runId: string, now: Date): Promise<number> {
    const findings = this.deps.findings;
    const docs = await findings.find(RUN, {
      _id: { $in: candidates.map((c) => c._id) },
      status: 'closed',
    });
    let n = 0;
    for (const f of docs) {
      const c = candidates.find((x) => x._id === f._id)!;
      const r = reopened(f, c, runId, now, this.deps.overdueDays);
      const res = await findings.updateOne(
        RUN,
        { _id: f._id, status: 'closed', revision: f.revision },
        outboxUpdate({ $set: r.set, $push: { rounds: r.round, history: r.step } }, [
          findingReopened(r.after, runId, r.round),
        ]),
      );
      n += res.modifiedCount;
    }
    if (n) this.deps.eventsStored();
    return n;
  }

  private newFinding({ aliases: _a, ...c }: FindingCandidate, runId: string, now: Date): Finding {
    return {
      ...c,
      townshipCode: townshipOf(c.areaCode) ?? c.areaCode,
      status: 'assigned',
      conclusion: null,
      conclusionReason: null,
      conclusionReasonCode: null,
      verifiedBy: null,
      rectification: null,
      review: null,
      closing: null,
      history: [
        { at: now, action: 'created', byId: `run:${runId}`, byName: 'matching run', note: null },
      ],
      createdByRunId: runId,
      lastRunId: runId,
      confirmations: 1,
      createdAt: now,
      lastSeenAt: now,
      dueAt: new Date(now.getTime() + this.deps.overdueDays * DAY_MS),
      closedAt: null,
      overdueReportedAt: null,
      revision: 1,
      reopenings: 0,
      roundStartedAt: now,
      roundRunId: runId,
      rounds: [],
      registryOutcome: null,
      registryOutcomes: [],
    };
  }

  /** What a run found, counted from the stored findings (exact even after a restart). */
  async runSummary(
    runId: string,
  ): Promise<{ found: number; created: number; reopened: number; byRule: Record<string, number> }> {
    const findings = this.deps.findings;
    const [found, created, reopened, byRule] = await Promise.all([
      findings.count(RUN, { lastRunId: runId }),
      findings.count(RUN, { createdByRunId: runId }),
      findings.count(RUN, { roundRunId: runId, reopenings: { $gt: 0 } }),
      findings.aggregate<{ _id: string; n: number }>(RUN, [
        { $match: { lastRunId: runId } },
        { $group: { _id: '$rule', n: { $sum: 1 } } },
      ]),
    ]);
    return {
      found,
      created,
      reopened,
      byRule: Object.fromEntries(byRule.map((r) => [r._id, r.n])),
    };
  }

  private viewOf(f: Finding): FindingView {
    const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, runKey: _k, ...rest } = f;
    return {
      id: _id,
      ...rest,
      reopenings: f.reopenings ?? 0,
      rounds: f.rounds ?? [],
      registryOutcome: f.registryOutcome ?? null,
      registryOutcomes: f.registryOutcomes ?? [],
      overdue: f.status !== 'closed' && f.dueAt.getTime() < this.deps.now().getTime(),
    };
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  private filterOf(f: FindingFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (f.rule) and.push({ rule: f.rule });
    if (f.status) and.push({ status: f.status });
    if (f.open !== undefined) and.push({ status: f.open ? { $ne: 'closed' } : 'closed' });
    if (f.listType) and.push({ listType: f.listType });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.runId) and.push({ lastRunId: f.runId });
    if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCodes'));
    if (f.overdue !== undefined) {
      const now = this.deps.now();
      and.push(
        f.overdue
          ? { status: { $ne: 'closed' }, dueAt: { $lt: now } }
          : { $or: [{ status: 'closed' }, { dueAt: { $gte: now } }] },
      );
    }
    return allOf(...and);
  }

  async list(
    p: Principal,
    q: ListQuery<FindingFilter>,
  ): Promise<{ items: FindingView[]; total: number }> {
    const { items, total } = await this.deps.findings.page(
      p,
      allOf(this.filterOf(q.filter), ownListTypeFilter(p, 'listType')),
      q,
    );
    return { items: items.map((f) => this.viewOf(f)), total };
  }

  /** Every finding of the filter within the caller's scope, for exports. */
  async *cursor(p: Principal, f: FindingFilter): AsyncGenerator<FindingView> {
    const cursor = this.deps.findings.cursor(
      p,
      allOf(this.filterOf(f), ownListTypeFilter(p, 'listType')),
      {
        sort: { townshipCode: 1, createdAt: 1, _id: 1 },
      },
    );
    for await (const doc of cursor) yield this.viewOf(doc);
  }

  private async load(p: Principal, id: string): Promise<Finding> {
    const f = await this.deps.findings.get(p, id, MISSING);
    // A department sees only the findings on its own list types.
    if (!mayUseListType(p, f.listType)) throw notFound(MISSING.what, MISSING.code);
    return f;
  }

  async get(p: Principal, id: string): Promise<FindingView> {
    return this.viewOf(await this.load(p, id));
  }

  /** One workflow step: checked against the rules, written with its event in one update. */
  async step(
    p: Principal,
    id: string,
    action: WorkflowAction,
    input: StepInput,
  ): Promise<FindingView> {
    const f = await this.load(p, id);
    // Acting is for the township the finding is assigned to (and the areas above it).
    this.deps.findings.assertWritable(p, f.areaCode);
    const t = transition(f, action, p.userId);
    if (!t.ok) throw new AppError(409, t.code, t.message);
    const reason = input.reason?.trim() || null;
    if (action === 'close' && closeNeedsReason(f) && (reason?.length ?? 0) < 2) {
      const why = closeReasonRequired(f.registryOutcome!);
      throw unprocessable('MATCHING_FINDING_CLOSE_REASON_REQUIRED', why.message, [
        { field: 'reason', code: 'required', message: why.field },
      ]);
    }
    const now = this.deps.now();
    const who = { id: p.userId, name: p.username, at: now };
    const note = input.note?.trim() || null;
    const set: Partial<Finding> = { status: t.status, revision: f.revision + 1 };
    switch (action) {
      case 'verify':
        set.conclusion = input.conclusion ?? null;
        set.conclusionReason = input.reason?.trim() || null;
        set.conclusionReasonCode =
          input.conclusion === 'not_confirmed' ? (input.reasonCode ?? null) : null;
        set.verifiedBy = who;
        break;
      case 'rectify':
        set.rectification = { ...who, note: note ?? '' };
        break;
      case 'review':
        set.review = { ...who, note };
        break;
      case 'close':
        set.closing = { ...who, note, reason };
        set.closedAt = now;
        break;
    }
    const after: Finding = { ...f, ...set };
    const step = {
      at: now,
      action: t.status === 'reviewed' ? 'reviewed' : t.status,
      byId: p.userId,
      byName: p.username,
      note: note ?? set.conclusionReason ?? (action === 'close' ? reason : null) ?? null,
    };
    const res = await this.deps.findings.updateOne(
      p,
      { _id: id, revision: f.revision },
      outboxUpdate({ $set: set, $push: { history: step } }, [stepEvent(action, after, actorOf(p))]),
    );
    if (res.modifiedCount === 0) throw changed();
    this.deps.eventsStored();
    return this.viewOf({ ...after, history: [...f.history, step as Finding['history'][number]] });
  }

  /**
   * 督办 — the county poverty office sets an open finding's deadline (调整整改期限): checked by
   * `checkDue`, written with its history step and event in one update; the overdue report is
   * cleared so a later sweep reports the finding again if the new deadline passes.
   */
  async setDue(
    p: Principal,
    id: string,
    input: { dueAt: Date; reason?: string | undefined },
  ): Promise<FindingView> {
    const f = await this.load(p, id);
    this.deps.findings.assertWritable(p, f.areaCode);
    const now = this.deps.now();
    const c = checkDue(f, input, now);
    if (!c.ok)
      throw c.status === 409
        ? new AppError(409, c.code, c.message)
        : unprocessable(c.code, c.message, c.errors);
    const d = dueChange(f, c, { id: p.userId, name: p.username }, now);
    const res = await this.deps.findings.updateOne(
      p,
      { _id: id, revision: f.revision },
      outboxUpdate({ $set: d.set, $push: { history: d.step } }, [
        findingDueChanged(d.after, actorOf(p), f.dueAt),
      ]),
    );
    if (res.modifiedCount === 0) throw changed();
    this.deps.eventsStored();
    return this.viewOf(d.after);
  }

  /**
   * 登记系统处理结果 — records what the registry did with a finding (its event, once): kept in
   * the finding's outcome history, the latest shown as its outcome. False when no such finding.
   */
  async recordOutcome(
    findingId: string,
    rec: Omit<RegistryOutcomeRecord, 'receivedAt'>,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const f = await this.deps.findings.findOne(OUTCOMES, { _id: findingId });
      if (!f) return false;
      const next = withOutcome(f, { ...rec, receivedAt: this.deps.now() });
      if (!next) return true;
      const res = await this.deps.findings.updateOne(
        OUTCOMES,
        { _id: findingId, revision: f.revision },
        {
          $set: { registryOutcome: next.latest, registryOutcomes: next.all },
          $inc: { revision: 1 },
        },
      );
      if (res.modifiedCount > 0) return true;
    }
    throw new Error(`finding ${findingId}: too many concurrent changes while recording an outcome`);
  }

  /** Reports every finding past its deadline once (逾期), with its event. */
  async reportOverdue(): Promise<number> {
    const now = this.deps.now();
    let total = 0;
    for (;;) {
      const due = await this.deps.findings.find(
        SWEEP,
        { status: { $ne: 'closed' }, dueAt: { $lt: now }, overdueReportedAt: null },
        { limit: 200 },
      );
      if (due.length === 0) break;
      for (const f of due) {
        const res = await this.deps.findings.updateOne(
          SWEEP,
          { _id: f._id, overdueReportedAt: null },
          outboxUpdate({ $set: { overdueReportedAt: now } }, [findingOverdue(f, now)]),
        );
        total += res.modifiedCount;
      }
      this.deps.eventsStored();
    }
    return total;
  }
}
