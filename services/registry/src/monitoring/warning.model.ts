import { endOfShanghaiDay } from '@fupin/contracts';
import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';
import type { MonitoringCategory } from '../workflows/workflow.types';
import type { FiredSignal } from './warning.types';

export const WARNING_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export interface WarningActor {
  id: string;
  name: string;
  areaCode: string;
}

/** What the township decided on verification. */
export interface WarningDecision {
  decision: 'confirmed' | 'dismissed';
  by: WarningActor;
  at: Date;
  reason: string;
  /** References to the evidence (photo or document ids, document numbers). */
  evidence: string[];
  /** confirmed: the monitoring category the entry workflow was opened for. */
  category: MonitoringCategory | null;
}

/** One thing that happened to a warning, in order (kept: the record stays). */
export interface WarningEvent {
  at: Date;
  action: 'raised' | 'updated' | 'due_changed' | 'confirmed' | 'dismissed';
  actorName: string;
  screeningId: string | null;
  signals: string[];
  /** The reason of a decision or of a deadline set (督办). */
  note: string | null;
  /** due_changed: the deadline before and after. */
  dueBefore?: Date;
  dueAfter?: Date;
}

/**
 * 防返贫预警 — a household at risk found by a screening: the rules that fired with the facts
 * behind them, open until the township verifies it within the deadline (confirmed → the
 * household's monitoring-entry workflow opens; dismissed with a reason and evidence). A later
 * screening updates an open warning, never duplicates it; the county poverty office may set its
 * deadline (督办). Scoped by the household's village. Its events (raised, due_changed, decided:
 * registry.monitoring_warning.v1) wait in its own outbox.
 */
export interface MonitoringWarning extends OutboxFields {
  _id: string;
  householdId: string;
  householdNo: string;
  headName: string;
  areaCode: string;
  townshipCode: string;
  /** The household's status when last screened. */
  householdStatus: string;
  status: WarningStatus;
  signals: FiredSignal[];
  /** The category a confirmation proposes (from the household's status and the signals). */
  suggestedCategory: MonitoringCategory;
  raisedAt: Date;
  /**
   * The verification deadline (authoritative): by default the end of `dueOn` in Asia/Shanghai.
   * A warning stored before deadlines were instants has none: read it with `dueAtOf`.
   */
  dueAt: Date;
  /** The deadline's day (YYYY-MM-DD, Asia/Shanghai): shown, sorted by. */
  dueOn: string;
  lastScreeningId: string;
  lastScreenedAt: Date;
  decision: WarningDecision | null;
  events: WarningEvent[];
  revision: number;
}

const schema = new Schema<MonitoringWarning>(
  {
    _id: String,
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    headName: { type: String, default: '' },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    householdStatus: { type: String, required: true },
    status: { type: String, required: true, enum: WARNING_STATUSES },
    signals: { type: Schema.Types.Mixed, default: [] },
    suggestedCategory: { type: String, required: true },
    raisedAt: { type: Date, required: true },
    // Not required: a warning stored before deadlines were instants has only its day.
    dueAt: { type: Date },
    dueOn: { type: String, required: true },
    lastScreeningId: { type: String, required: true },
    lastScreenedAt: { type: Date, required: true },
    decision: { type: Schema.Types.Mixed, default: null },
    events: { type: Schema.Types.Mixed, default: [] },
    revision: { type: Number, required: true },
  },
  { collection: 'monitoring_warnings', versionKey: false },
);
schema.plugin(outboxPlugin);
// A household's open warning (the screening's update-not-duplicate read).
schema.index({ householdId: 1, status: 1 });
// The list: the default order (by deadline) for the county and inside a township or village,
// and each filter with the scope's area after it.
schema.index({ dueOn: 1 });
schema.index({ areaCode: 1, dueOn: 1 });
schema.index({ status: 1, areaCode: 1, dueAt: 1 });
schema.index({ townshipCode: 1, areaCode: 1 });
schema.index({ householdId: 1, areaCode: 1 });
schema.index({ 'signals.code': 1, areaCode: 1 });

/** A warning's deadline: its `dueAt`, or the end of its `dueOn` day when stored without one. */
export function dueAtOf(w: Pick<MonitoringWarning, 'dueOn'> & { dueAt?: Date | null }): Date {
  return w.dueAt ? new Date(w.dueAt) : endOfShanghaiDay(w.dueOn);
}

export type WarningModel = Model<MonitoringWarning>;

export function warningModel(conn: Connection): WarningModel {
  return (
    (conn.models.MonitoringWarning as WarningModel | undefined) ??
    conn.model<MonitoringWarning>('MonitoringWarning', schema)
  );
}
