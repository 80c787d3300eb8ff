import type { Bilingual, RecordedFreshness } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ListType } from '../lists/list-types';

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A list version a run used. */
export interface RunList {
  listId: string;
  type: ListType;
  version: number;
  date: string;
  areaCode: string;
  rows: number;
}

/**
 * 数据新鲜度 — where the person index stood against the registry when the run was started
 * (it waited until nothing the registry had written was missing, or was refused);
 * `registryPeople` stands next to `progress.people`, the people the run used.
 */
export type RunViewFreshness = RecordedFreshness;

/** A list's HMAC key and how many people of the index had no hash under it. */
export interface KeyCoverage {
  hashKeyId: string;
  peopleWithoutKey: number;
}

/** 比对任务 — one matching run: which lists and rule versions, its progress and outcome. */
export interface MatchingRun {
  _id: string;
  /** One uploaded list, or every current list plus the registry's own checks. */
  scope: 'list' | 'full';
  lists: RunList[];
  rules: { code: string; version: number }[];
  status: RunStatus;
  progress: {
    rowsTotal: number;
    rowsRead: number;
    /** Rows whose ID number is a person in the registry. */
    matched: number;
    findings: number;
    people: number;
  };
  summary: {
    /** Findings this run found (new and re-confirmed). */
    found: number;
    created: number;
    reconfirmed: number;
    /** Closed findings found again: reopened with the new evidence. */
    reopened: number;
    byRule: Record<string, number>;
  } | null;
  /** The person index's freshness when started; null for runs started before it was recorded. */
  view: RunViewFreshness | null;
  /**
   * 密钥轮换: the HMAC key of each list and the people of the index without a hash under it
   * when started (0: a run is refused otherwise). Absent on runs started before it was checked.
   */
  keyCoverage?: KeyCoverage[];
  attempts: number;
  startedBy: { id: string; name: string; areaCode: string };
  error: { code: string; message: Bilingual } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const runSchema = new Schema<MatchingRun>(
  {
    _id: String,
    scope: { type: String, required: true },
    lists: { type: Schema.Types.Mixed, default: [] },
    rules: { type: Schema.Types.Mixed, default: [] },
    status: { type: String, required: true },
    progress: { type: Schema.Types.Mixed, required: true },
    summary: { type: Schema.Types.Mixed, default: null },
    view: { type: Schema.Types.Mixed, default: null },
    keyCoverage: { type: Schema.Types.Mixed, default: undefined },
    attempts: { type: Number, default: 0 },
    startedBy: { type: Schema.Types.Mixed, required: true },
    error: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'matching_runs', versionKey: false, minimize: false },
);
runSchema.index({ createdAt: -1 });
// The list within the starter's area, in its order; and by status.
runSchema.index({ 'startedBy.areaCode': 1, createdAt: -1 });
runSchema.index({ status: 1, 'startedBy.areaCode': 1 });

export type MatchingRunModel = Model<MatchingRun>;

export function matchingRunModel(conn: Connection): MatchingRunModel {
  return (
    (conn.models.MatchingRun as MatchingRunModel | undefined) ??
    conn.model<MatchingRun>('MatchingRun', runSchema)
  );
}
