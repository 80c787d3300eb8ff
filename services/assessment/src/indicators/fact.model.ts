import { type Connection, type Model, Schema } from 'mongoose';

/**
 * 考核基础数据 — one record of another service as the assessment knows it, built only from that
 * service's events: a visit, a pairing, a measure, a project, a disbursement, an idle-funds
 * check, a dropout case, an in-patient episode, an insurance enrollment, a matching finding,
 * an exit target, a monitoring warning (防返贫预警), a village's population and exit. The latest event wins by `order` (the
 * producer's revision, then the event time), so redelivered and out-of-order events leave the
 * same document.
 */
export const FACT_KINDS = [
  'pairing',
  'measure',
  'visit',
  'project',
  'disbursement',
  'idle',
  'subsidy',
  'dropout',
  'episode',
  'coverage',
  'finding',
  'exit_target',
  'warning',
  'village',
  // The assessment's own records (倒排工期, 整改通知, 信访件): read from their collections when a
  // computation needs them, never stored here (see own-facts.ts).
  'task',
  'rectification',
  'complaint',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  /** `<kind>:<record id>`. */
  _id: string;
  kind: FactKind;
  recordId: string;
  /** The record's own area (a village, a township or the county). */
  areaCode: string;
  /** The township the record counts for, or null for a county-level record. */
  townshipCode: string | null;
  /** The county departments (部门) the record counts for. */
  departments: string[];
  householdId: string | null;
  personId: string | null;
  /** The record's day in Asia/Shanghai (visit date, day paid, admission day, check day). */
  day: string | null;
  /** When the record starts and stops counting (a pairing's dates, a case opened and closed). */
  from: string | null;
  to: string | null;
  status: string | null;
  year: number | null;
  amounts: Record<string, number>;
  data: Record<string, unknown>;
  /** The first day any event of the record was seen to occur. */
  firstDay: string;
  order: string;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  receivedAt: Date;
}

const factSchema = new Schema<Fact>(
  {
    _id: String,
    kind: { type: String, required: true },
    recordId: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, default: null },
    departments: { type: [String], default: [] },
    householdId: { type: String, default: null },
    personId: { type: String, default: null },
    day: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
    status: { type: String, default: null },
    year: { type: Number, default: null },
    amounts: { type: Schema.Types.Mixed, default: {} },
    data: { type: Schema.Types.Mixed, default: {} },
    firstDay: { type: String, required: true },
    order: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'facts', versionKey: false, minimize: false },
);
factSchema.index({ kind: 1, townshipCode: 1 });
factSchema.index({ kind: 1, day: 1 });
factSchema.index({ kind: 1, departments: 1 });

export type FactModel = Model<Fact>;

export function factModel(conn: Connection): FactModel {
  return (conn.models.Fact as FactModel | undefined) ?? conn.model<Fact>('Fact', factSchema);
}

/** 区划 — names of the areas, from the registry's area events (for units and bulletins). */
export interface AreaName {
  _id: string;
  name: string;
  level: string;
  parentCode: string | null;
  status: string;
  order: string;
}

const areaSchema = new Schema<AreaName>(
  {
    _id: String,
    name: { type: String, required: true },
    level: { type: String, required: true },
    parentCode: { type: String, default: null },
    status: { type: String, required: true },
    order: { type: String, required: true },
  },
  { collection: 'areas', versionKey: false },
);

export type AreaNameModel = Model<AreaName>;

export function areaNameModel(conn: Connection): AreaNameModel {
  return (
    (conn.models.AreaName as AreaNameModel | undefined) ??
    conn.model<AreaName>('AreaName', areaSchema)
  );
}

/**
 * 迟到数据 — an event that changed what a published ranking measured after it was computed.
 * The published version is never changed; the next version includes it and lists it.
 */
export interface LateEvent {
  /** `<rankingId of the quarter's version it missed>:<event id>`. */
  _id: string;
  quarterKey: string;
  missedRankingId: string;
  eventId: string;
  eventType: string;
  recordId: string;
  receivedAt: Date;
  includedIn: string | null;
}

const lateSchema = new Schema<LateEvent>(
  {
    _id: String,
    quarterKey: { type: String, required: true },
    missedRankingId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    recordId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    includedIn: { type: String, default: null },
  },
  { collection: 'late_events', versionKey: false },
);
lateSchema.index({ quarterKey: 1, includedIn: 1 });

export type LateEventModel = Model<LateEvent>;

export function lateEventModel(conn: Connection): LateEventModel {
  return (
    (conn.models.LateEvent as LateEventModel | undefined) ??
    conn.model<LateEvent>('LateEvent', lateSchema)
  );
}
