import { type Connection, type Model, Schema } from 'mongoose';
import type { SignalCode } from './warning.types';

/** How fresh the facts a screening read were (support's events, the medical costs). */
export interface FactsFreshness {
  view: string;
  /** Events published and not yet applied; null when it could not be measured. */
  behind: number | null;
  measuredAt: Date;
  waitedMs: number;
}

/**
 * 监测筛查 — one screening run (monthly or on demand): what it read, how fresh that was, what
 * it raised, and per rule the households it could not judge for want of data.
 */
export interface ScreeningRun {
  _id: string;
  /** `scheduler` or the poverty-office user who asked. */
  requestedBy: string;
  status: 'running' | 'done' | 'refused' | 'failed';
  /** The screening day (YYYY-MM-DD, Asia/Shanghai). */
  day: string;
  startedAt: Date;
  finishedAt: Date | null;
  freshness: FactsFreshness[];
  screened: number;
  raised: number;
  updated: number;
  /** Per rule: households it fired for. */
  fired: Partial<Record<SignalCode, number>>;
  /** Per rule: households it could not judge (data missing), with the first few ids. */
  missing: Partial<Record<SignalCode, { count: number; households: string[] }>>;
  /** The rule versions and thresholds it ran with. */
  settings: { year: number; monitoringLineFen: number; medicalThresholdFen: number };
  rules: { code: SignalCode; version: number }[];
  error: { code: string; message: { 'zh-CN': string; en: string } } | null;
  /** Scope of the run: every area (the county), for the scoped repository. */
  areaCode: string;
}

const runSchema = new Schema<ScreeningRun>(
  {
    _id: String,
    requestedBy: { type: String, required: true },
    status: { type: String, required: true },
    day: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    freshness: { type: Schema.Types.Mixed, default: [] },
    screened: { type: Number, default: 0 },
    raised: { type: Number, default: 0 },
    updated: { type: Number, default: 0 },
    fired: { type: Schema.Types.Mixed, default: {} },
    missing: { type: Schema.Types.Mixed, default: {} },
    settings: { type: Schema.Types.Mixed, default: null },
    rules: { type: Schema.Types.Mixed, default: [] },
    error: { type: Schema.Types.Mixed, default: null },
    areaCode: { type: String, required: true },
  },
  { collection: 'monitoring_screenings', versionKey: false, minimize: false },
);
runSchema.index({ startedAt: -1 });
runSchema.index({ areaCode: 1, startedAt: -1 });
runSchema.index({ status: 1, areaCode: 1 });

export type ScreeningModel = Model<ScreeningRun>;

export function screeningModel(conn: Connection): ScreeningModel {
  return (
    (conn.models.MonitoringScreening as ScreeningModel | undefined) ??
    conn.model<ScreeningRun>('MonitoringScreening', runSchema)
  );
}

/**
 * 监测线与阈值 — the county's setting for a year (not area-scoped reference data): the
 * monitoring line (null: 1.5 × the year's poverty line) and the medical threshold, with who
 * changed them, why, from what to what.
 */
export interface MonitoringSettingsDoc {
  /** The year as a string. */
  _id: string;
  year: number;
  monitoringLineFen: number | null;
  medicalThresholdFen: number;
  reason: string;
  setBy: { id: string; name: string; areaCode: string };
  setAt: Date;
  history: {
    at: Date;
    actorName: string;
    reason: string;
    from: { monitoringLineFen: number | null; medicalThresholdFen: number } | null;
  }[];
}

const settingsSchema = new Schema<MonitoringSettingsDoc>(
  {
    _id: String,
    year: { type: Number, required: true },
    monitoringLineFen: { type: Number, default: null },
    medicalThresholdFen: { type: Number, required: true },
    reason: { type: String, required: true },
    setBy: { type: Schema.Types.Mixed, required: true },
    setAt: { type: Date, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'monitoring_settings', versionKey: false },
);

export type MonitoringSettingsModel = Model<MonitoringSettingsDoc>;

export function monitoringSettingsModel(conn: Connection): MonitoringSettingsModel {
  return (
    (conn.models.MonitoringSettings as MonitoringSettingsModel | undefined) ??
    conn.model<MonitoringSettingsDoc>('MonitoringSettings', settingsSchema)
  );
}
