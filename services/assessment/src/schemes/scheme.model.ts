import { type Connection, type Model, Schema } from 'mongoose';
import type { IndicatorCode, UnitKind } from '../indicators/catalogue';
import type { Direction, RuleKind } from '../scoring/scoring.engine';

export interface SchemeIndicator {
  code: IndicatorCode;
  weight: number;
  direction: Direction;
  rule: RuleKind;
  floor: number | null;
  target: number | null;
}

export interface SchemeUnit {
  code: string;
  name: string;
}

/** 考核序列 — the units ranked against each other (townships, or county departments). */
export interface SchemeTrack {
  kind: UnitKind;
  units: SchemeUnit[];
  indicators: SchemeIndicator[];
}

/** 分解目标 — one unit's own floor and target for one indicator (考核任务分解表). */
export interface UnitTarget {
  unitKind: UnitKind;
  unitCode: string;
  indicator: IndicatorCode;
  floor: number | null;
  target: number | null;
}

/** 考核方案 — a year's indicators, weights, rules and ranked units. */
export interface Scheme {
  /** The year, as text. */
  _id: string;
  year: number;
  name: string;
  tracks: SchemeTrack[];
  targets: UnitTarget[];
  revision: number;
  updatedAt: Date;
  updatedBy: string;
}

const schemeSchema = new Schema<Scheme>(
  {
    _id: String,
    year: { type: Number, required: true },
    name: { type: String, required: true },
    tracks: { type: Schema.Types.Mixed, default: [] },
    targets: { type: Schema.Types.Mixed, default: [] },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'schemes', versionKey: false, minimize: false },
);

export type SchemeModel = Model<Scheme>;

export function schemeModel(conn: Connection): SchemeModel {
  return (
    (conn.models.Scheme as SchemeModel | undefined) ?? conn.model<Scheme>('Scheme', schemeSchema)
  );
}
