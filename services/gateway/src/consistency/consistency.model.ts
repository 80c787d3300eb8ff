import type { Bilingual } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import type { PartGap } from './consistency.parts';
import type { InconsistencyKind } from './consistency.rules';

export const RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** A part the check went without, for how many households (and how far behind, at most). */
export interface RunGap {
  part: PartGap['part'];
  status: PartGap['status'];
  households: number;
  /** For `behind`: the most events a household's part was behind by. */
  events?: number;
  message: Bilingual;
}

/**
 * 一户一档核对 — one consistency check of a village or township: who asked, its progress, what
 * it found by kind, and the parts it went without. Filed under the area checked, so a user of
 * another area does not see it.
 */
export interface ConsistencyRun {
  _id: string;
  /** The village or township checked (12 digits). */
  areaCode: string;
  /** The year whose measures and payments are compared. */
  year: number;
  state: RunState;
  households: number | null;
  checked: number;
  counts: Partial<Record<InconsistencyKind, number>>;
  inconsistencies: number;
  gaps: RunGap[];
  error: Bilingual | null;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One inconsistency a run found, filed under the household's village. */
export interface ConsistencyItem {
  _id: string;
  runId: string;
  /** The household's village. */
  areaCode: string;
  householdId: string;
  householdNo: string;
  kind: InconsistencyKind;
  message: Bilingual;
  details: Record<string, unknown>;
}

const runSchema = new Schema<ConsistencyRun>(
  {
    _id: { type: String, required: true },
    areaCode: { type: String, required: true },
    year: { type: Number, required: true },
    state: { type: String, required: true, enum: RUN_STATES },
    households: { type: Number, default: null },
    checked: { type: Number, default: 0 },
    counts: { type: Schema.Types.Mixed, default: {} },
    inconsistencies: { type: Number, default: 0 },
    gaps: { type: Schema.Types.Mixed, default: [] },
    error: { type: Schema.Types.Mixed, default: null },
    requestedBy: { type: String, required: true },
    requestedByName: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'consistency_runs', versionKey: false, minimize: false },
);
// The list within the caller's area, newest first; each filter followed by the scope range.
runSchema.index({ areaCode: 1, requestedAt: -1 });
runSchema.index({ state: 1, areaCode: 1, requestedAt: -1 });
runSchema.index({ year: 1, areaCode: 1, requestedAt: -1 });
// A run by id within the caller's area (before its items): SecantusDB scans the collection for
// `_id` with a range on another field unless one index holds both.
runSchema.index({ _id: 1, areaCode: 1 });

const itemSchema = new Schema<ConsistencyItem>(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    areaCode: { type: String, required: true },
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    kind: { type: String, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'consistency_items', versionKey: false, minimize: false },
);
// A run's items in the caller's area by 户号; by kind within it.
itemSchema.index({ runId: 1, areaCode: 1, householdNo: 1, _id: 1 });
itemSchema.index({ runId: 1, kind: 1, areaCode: 1, householdNo: 1, _id: 1 });

export function consistencyRunModel(conn: Connection) {
  return conn.models.ConsistencyRun
    ? conn.model<ConsistencyRun>('ConsistencyRun')
    : conn.model<ConsistencyRun>('ConsistencyRun', runSchema);
}

export function consistencyItemModel(conn: Connection) {
  return conn.models.ConsistencyItem
    ? conn.model<ConsistencyItem>('ConsistencyItem')
    : conn.model<ConsistencyItem>('ConsistencyItem', itemSchema);
}
