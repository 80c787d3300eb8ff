import type { Envelope } from '@fupin/contracts';
import {
  actorOf,
  bi,
  conflict,
  type ListQuery,
  outboxUpdate,
  type OutboxFields,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { WorkflowService } from '../workflows/workflow.service';
import type { MonitoringCategory } from '../workflows/workflow.types';
import { warningDecided, warningDueChanged } from './warning.events';
import { dueAtOf, type MonitoringWarning, type WarningStatus } from './warning.model';

const WARNING = bi('防返贫预警', 'Monitoring warning');

export interface WarningFilter {
  status?: WarningStatus;
  overdue?: boolean;
  townshipCode?: string;
  areaCode?: string;
  householdId?: string;
  signal?: string;
}

/** A warning as the API shows it: the record, and whether its deadline has passed unverified. */
export type WarningView = Omit<MonitoringWarning, '_id' | keyof OutboxFields> & {
  id: string;
  overdue: boolean;
};

/** Overdue: still open once its deadline (an instant) has passed. */
export function warningView(w: MonitoringWarning, now: Date): WarningView {
  // The outbox's fields are the relay's, not the record's.
  const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = w;
  const dueAt = dueAtOf(w);
  return {
    id: _id,
    ...rest,
    dueAt,
    overdue: w.status === 'open' && dueAt.getTime() < now.getTime(),
  };
}

/**
 * Whether the deadline has passed by `now` (or not): `dueAt` against the instant, and for a
 * warning stored without one its `dueOn` against the day (the end of its day passed).
 */
function deadlinePassed(passed: boolean, now: Date): Record<string, unknown> {
  const today = shanghaiDateOf(now);
  return {
    $or: passed
      ? [{ dueAt: { $lt: now } }, { dueAt: null, dueOn: { $lt: today } }]
      : [{ dueAt: { $gte: now } }, { dueAt: null, dueOn: { $gte: today } }],
  };
}

/** The list filter as stored conditions (pure). */
export function warningConditions(f: WarningFilter, now: Date): Record<string, unknown> {
  return {
    ...(f.householdId ? { householdId: f.householdId } : {}),
    ...(f.townshipCode ? { townshipCode: f.townshipCode } : {}),
    ...(f.areaCode ? { areaCode: f.areaCode } : {}),
    ...(f.overdue === true ? { status: 'open', ...deadlinePassed(true, now) } : {}),
    ...(f.overdue === false ? deadlinePassed(false, now) : {}),
    ...(f.status && f.overdue !== true ? { status: f.status } : {}),
    ...(f.signal ? { 'signals.code': f.signal } : {}),
  };
}

/**
 * 预警核实 — the township verifies a warning within its deadline: confirmed, the household's
 * monitoring-entry workflow opens in the category chosen, the warning attached as evidence;
 * dismissed, with the reason and the evidence. A decided warning stays as it was decided. The
 * county poverty office may set an open warning's deadline (督办).
 */
export class WarningService {
  constructor(
    private readonly deps: {
      warnings: ScopedRepository<MonitoringWarning>;
      workflows: WorkflowService;
      now: () => Date;
      /** Tells the outbox relay a decision's event was stored (else its next poll finds it). */
      eventsStored?: () => void;
      /** Refuses a decision naming (`file:<id>`) a file not uploaded for the warning. */
      checkEvidence?: (w: MonitoringWarning, evidence: string[]) => Promise<void>;
    },
  ) {}

  async list(p: Principal, q: ListQuery<WarningFilter>) {
    const now = this.deps.now();
    const { items, total } = await this.deps.warnings.page(p, warningConditions(q.filter, now), q);
    return { items: items.map((w) => warningView(w, now)), total };
  }

  async get(p: Principal, id: string): Promise<WarningView> {
    const w = await this.deps.warnings.get(p, id, {
      what: WARNING,
      code: 'REGISTRY_WARNING_NOT_FOUND',
    });
    return warningView(w, this.deps.now());
  }

  private async open(p: Principal, id: string): Promise<MonitoringWarning> {
    const w = await this.deps.warnings.getForChange(p, id, {
      what: WARNING,
      code: 'REGISTRY_WARNING_NOT_FOUND',
    });
    if (w.status !== 'open') {
      throw conflict(
        'REGISTRY_WARNING_DECIDED',
        bi(
          `该预警已核实（${w.status === 'confirmed' ? '已确认' : '已排除'}），不能再次处理`,
          `The warning was already verified (${w.status}) and can no longer be changed`,
        ),
        { currentStatus: w.status },
      );
    }
    return w;
  }

  /** Confirmed: the monitoring-entry workflow opens (its refusal leaves the warning open). */
  async confirm(
    p: Principal,
    id: string,
    body: { reason: string; evidence: string[]; category?: MonitoringCategory },
  ): Promise<WarningView> {
    const w = await this.open(p, id);
    await this.deps.checkEvidence?.(w, body.evidence);
    const category = body.category ?? w.suggestedCategory;
    await this.deps.workflows.step(p, w.householdId, {
      kind: 'monitoring_entry',
      action: 'start',
      category,
      reason: body.reason,
      evidence: [`monitoring-warning:${w._id}`, ...body.evidence],
    });
    return this.decide(p, w, { decision: 'confirmed', category, ...body });
  }

  async dismiss(
    p: Principal,
    id: string,
    body: { reason: string; evidence: string[] },
  ): Promise<WarningView> {
    const w = await this.open(p, id);
    await this.deps.checkEvidence?.(w, body.evidence);
    return this.decide(p, w, { decision: 'dismissed', category: null, ...body });
  }

  /**
   * 督办 — the county poverty office sets an open warning's deadline (the route admits county
   * users only): a later instant than now, with the reason; kept in the warning's history and
   * published (`due_changed`) in the same write.
   */
  async setDue(p: Principal, id: string, body: { dueAt: Date; reason: string }) {
    const w = await this.open(p, id);
    const at = this.deps.now();
    if (!(body.dueAt.getTime() > at.getTime())) {
      throw unprocessable(
        'REGISTRY_WARNING_DUE_INVALID',
        bi('核实期限有误，请检查标出的字段', 'The deadline is invalid; see the listed field'),
        [
          {
            field: 'dueAt',
            code: 'too_small',
            message: bi('核实期限须晚于当前时间', 'The deadline must be later than now'),
          },
        ],
      );
    }
    const dueAt = body.dueAt;
    const dueOn = shanghaiDateOf(dueAt);
    const event = {
      at,
      action: 'due_changed' as const,
      actorName: p.username,
      screeningId: null,
      signals: w.signals.map((s) => s.code),
      note: body.reason,
      dueBefore: dueAtOf(w),
      dueAfter: dueAt,
    };
    const change = { dueAt, dueOn, reason: body.reason, at };
    await this.write(
      w,
      { $set: { dueAt, dueOn }, $push: { events: event }, $inc: { revision: 1 } },
      warningDueChanged(w, change, actorOf(p)),
    );
    return this.get(p, w._id);
  }

  /** A change of an open warning with its event, if no one changed it since it was read. */
  private async write(
    w: MonitoringWarning,
    update: Record<string, unknown>,
    event: Envelope,
  ): Promise<void> {
    const res = await this.deps.warnings.updateOne(
      READ_IN_SCOPE,
      { _id: w._id, status: 'open', revision: w.revision },
      outboxUpdate(update, [event]),
    );
    if (res.matchedCount !== 1) {
      throw conflict(
        'REGISTRY_WARNING_STALE',
        bi('该预警已被他人处理，请刷新后重试', 'The warning was changed by someone else; reload'),
      );
    }
    this.deps.eventsStored?.();
  }

  private async decide(
    p: Principal,
    w: MonitoringWarning,
    d: {
      decision: 'confirmed' | 'dismissed';
      category: MonitoringCategory | null;
      reason: string;
      evidence: string[];
    },
  ): Promise<WarningView> {
    const at = this.deps.now();
    const decision = {
      decision: d.decision,
      by: { id: p.userId, name: p.username, areaCode: p.areaCode },
      at,
      reason: d.reason,
      evidence: d.evidence,
      category: d.category,
    };
    const event = {
      at,
      action: d.decision,
      actorName: p.username,
      screeningId: null,
      signals: w.signals.map((s) => s.code),
      note: d.reason,
    };
    // The decision and its `decided` event (keyed by the warning id) in one write.
    await this.write(
      w,
      { $set: { status: d.decision, decision }, $push: { events: event }, $inc: { revision: 1 } },
      warningDecided(w, { decision: d.decision, at }, actorOf(p)),
    );
    return this.get(p, w._id);
  }
}
