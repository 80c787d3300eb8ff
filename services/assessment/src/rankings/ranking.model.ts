import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';
import type { UnitKind } from '../indicators/catalogue';
import type { IndicatorScore, Text, ValueKind } from '../scoring/scoring.engine';
import type { DaySpan } from '../scoring/period';
import type { RankingViewFreshness } from './ranking-view';

export type RankingTrigger = 'schedule' | 'manual' | 'recompute';

/** How an indicator was scored in a version (a copy of the scheme, frozen with the results). */
export interface FrozenIndicator {
  code: string;
  label: Text;
  valueKind: ValueKind;
  weight: number;
  direction: 'higher' | 'lower';
  rule: 'linear' | 'rank';
  floor: number | null;
  target: number | null;
}

export interface RankedUnitSummary {
  unitId: string;
  kind: UnitKind;
  code: string;
  name: string;
  areaCode: string;
  scoreCenti: number;
  rank: number;
  tiedWith: string[];
  yellowCard: boolean;
  consecutiveYellowCards: number;
  accountability: boolean;
}

export interface TrackResult {
  kind: UnitKind;
  indicators: FrozenIndicator[];
  units: RankedUnitSummary[];
}

/**
 * 季度排名（版本） — one published version of a quarter's ranking. Written once: first claimed
 * (`computing`), then published with its events by one single-document write; afterwards only
 * `supersededBy` is ever set, when a recomputation publishes the next version.
 */
export interface RankingVersion extends OutboxFields {
  _id: string;
  quarterKey: string;
  year: number;
  quarter: number;
  version: number;
  status: 'computing' | 'published';
  claim: { token: string; at: Date } | null;
  trigger: RankingTrigger;
  reason: string | null;
  actor: { id: string; name: string } | null;
  period: DaySpan;
  computedAt: Date | null;
  publishedAt: Date | null;
  supersedes: string | null;
  supersededBy: string | null;
  schemeRevision: number | null;
  tracks: TrackResult[];
  lateEvents: { count: number; eventIds: string[] };
  /** The household projection's freshness when computed; null for versions before it was recorded. */
  view: RankingViewFreshness | null;
}

const rankingSchema = new Schema<RankingVersion>(
  {
    _id: String,
    quarterKey: { type: String, required: true },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true },
    claim: { type: Schema.Types.Mixed, default: null },
    trigger: { type: String, required: true },
    reason: { type: String, default: null },
    actor: { type: Schema.Types.Mixed, default: null },
    period: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    supersedes: { type: String, default: null },
    supersededBy: { type: String, default: null },
    schemeRevision: { type: Number, default: null },
    tracks: { type: Schema.Types.Mixed, default: [] },
    lateEvents: { type: Schema.Types.Mixed, default: { count: 0, eventIds: [] } },
    view: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'rankings', versionKey: false, minimize: false },
);
rankingSchema.plugin(outboxPlugin);
rankingSchema.index({ quarterKey: 1, version: -1 });
rankingSchema.index({ status: 1, supersededBy: 1 });
// The list's year filter; a published version by id (SecantusDB plans an id with another
// field only on an index holding both).
rankingSchema.index({ status: 1, year: 1 });
rankingSchema.index({ _id: 1, status: 1 });

export type RankingModel = Model<RankingVersion>;

/** A version as it is read: everything but the claim and the outbox. */
export const VERSION_SUMMARY = {
  quarterKey: 1,
  year: 1,
  quarter: 1,
  version: 1,
  status: 1,
  trigger: 1,
  reason: 1,
  actor: 1,
  period: 1,
  computedAt: 1,
  publishedAt: 1,
  supersedes: 1,
  supersededBy: 1,
  schemeRevision: 1,
  tracks: 1,
  lateEvents: 1,
  view: 1,
} as const;

export const PUBLISHED = { status: 'published' } as const;

export function rankingModel(conn: Connection): RankingModel {
  return (
    (conn.models.RankingVersion as RankingModel | undefined) ??
    conn.model<RankingVersion>('RankingVersion', rankingSchema)
  );
}

export interface ScoredIndicator extends IndicatorScore {
  label: Text;
  valueKind: ValueKind;
  direction: 'higher' | 'lower';
  numerator: number | null;
  denominator: number | null;
  /** How many records stand behind the value (listed in ranking_records). */
  records: number;
  recordsLabel: Text;
}

/** One unit's result in one version, with the explanation of its score. */
export interface RankingResult extends RankedUnitSummary {
  /** `<rankingId>|<unitId>`. */
  _id: string;
  rankingId: string;
  quarterKey: string;
  year: number;
  quarter: number;
  version: number;
  of: number;
  indicators: ScoredIndicator[];
  explanation: Text[];
}

const resultSchema = new Schema<RankingResult>(
  {
    _id: String,
    rankingId: { type: String, required: true },
    quarterKey: { type: String, required: true },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    version: { type: Number, required: true },
    unitId: { type: String, required: true },
    kind: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    areaCode: { type: String, required: true },
    scoreCenti: { type: Number, required: true },
    rank: { type: Number, required: true },
    of: { type: Number, required: true },
    tiedWith: { type: [String], default: [] },
    yellowCard: { type: Boolean, required: true },
    consecutiveYellowCards: { type: Number, required: true },
    accountability: { type: Boolean, required: true },
    indicators: { type: Schema.Types.Mixed, default: [] },
    explanation: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'ranking_results', versionKey: false, minimize: false },
);
resultSchema.index({ rankingId: 1, rank: 1 });
resultSchema.index({ unitId: 1, year: 1, quarter: 1 });
// A ranking's results within the caller's area, alone and with each filter; a unit's history
// over the versions in force, alone and in a year.
resultSchema.index({ rankingId: 1, areaCode: 1 });
resultSchema.index({ rankingId: 1, kind: 1, areaCode: 1 });
resultSchema.index({ rankingId: 1, yellowCard: 1, areaCode: 1 });
resultSchema.index({ unitId: 1, rankingId: 1, areaCode: 1 });
resultSchema.index({ unitId: 1, year: 1, rankingId: 1, areaCode: 1 });

export type RankingResultModel = Model<RankingResult>;

export function rankingResultModel(conn: Connection): RankingResultModel {
  return (
    (conn.models.RankingResult as RankingResultModel | undefined) ??
    conn.model<RankingResult>('RankingResult', resultSchema)
  );
}

/** A record behind an indicator value: its id in the owning service, and what it shows. */
export interface RecordItem {
  id: string;
  /** E.g. the month a household was not visited, or the member not insured. */
  note?: string;
}

/** The records behind one indicator value of one unit in one version (frozen with it). */
export interface RankingRecords {
  /** `<rankingId>|<unitId>|<indicator>`. */
  _id: string;
  rankingId: string;
  unitId: string;
  code: string;
  service: string;
  path: string;
  label: Text;
  items: RecordItem[];
  total: number;
}

const recordsSchema = new Schema<RankingRecords>(
  {
    _id: String,
    rankingId: { type: String, required: true },
    unitId: { type: String, required: true },
    code: { type: String, required: true },
    service: { type: String, required: true },
    path: { type: String, required: true },
    label: { type: Schema.Types.Mixed, required: true },
    items: { type: Schema.Types.Mixed, default: [] },
    total: { type: Number, required: true },
  },
  { collection: 'ranking_records', versionKey: false, minimize: false },
);
recordsSchema.index({ rankingId: 1, unitId: 1 });

export type RankingRecordsModel = Model<RankingRecords>;

export function rankingRecordsModel(conn: Connection): RankingRecordsModel {
  return (
    (conn.models.RankingRecords as RankingRecordsModel | undefined) ??
    conn.model<RankingRecords>('RankingRecords', recordsSchema)
  );
}
