import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import type { IdleSummary } from './idle.rules';

/** One day's idle-funds check (资金趴账), recomputed when run again on the same day. */
export interface IdleRun extends IdleSummary, OutboxFields {
  /** The calendar day checked, `YYYY-MM-DD`. */
  _id: string;
  asOf: Date;
  days: number;
  startDays: number;
  computedAt: Date;
  runs: number;
}

const idleRunSchema = new Schema<IdleRun>(
  {
    _id: String,
    date: { type: String, required: true },
    cutoff: { type: String, required: true },
    startCutoff: { type: String, required: true },
    asOf: { type: Date, required: true },
    days: { type: Number, required: true },
    startDays: { type: Number, required: true },
    townships: { type: Schema.Types.Mixed, default: () => [] },
    totals: { type: Schema.Types.Mixed, required: true },
    projects: { type: Schema.Types.Mixed, default: () => [] },
    computedAt: { type: Date, required: true },
    runs: { type: Number, default: 0 },
  },
  { collection: 'idle_runs', versionKey: false, minimize: false },
);
idleRunSchema.plugin(outboxPlugin);
// The list's order: newest run first (walked backwards for the oldest).
idleRunSchema.index({ date: -1, _id: -1 });

export function idleRunModel(conn: Connection) {
  return conn.models.IdleRun
    ? conn.model<IdleRun>('IdleRun')
    : conn.model<IdleRun>('IdleRun', idleRunSchema);
}
export type IdleRunModel = ReturnType<typeof idleRunModel>;
