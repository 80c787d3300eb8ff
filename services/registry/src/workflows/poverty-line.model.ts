import { type Connection, type Model, Schema } from 'mongoose';

/** One change of a provincial poverty line: who, when, why, from what to what. */
export interface PovertyLineChange {
  at: Date;
  actorId: string;
  actorName: string;
  actorArea: string;
  fromFen: number | null;
  toFen: number;
  reason: string;
}

/**
 * 省级扶贫标准 — a province's own line for a year, recorded by the county's administrators; it
 * overrides the national line in every check of the registry (identification, exit, 返贫).
 * Reference data of the province: not area-scoped, read by every user of the registry.
 */
export interface PovertyLineDoc {
  /** `<province>:<year>`. */
  _id: string;
  provinceCode: string;
  year: number;
  fen: number;
  reason: string;
  setBy: { id: string; name: string; areaCode: string };
  setAt: Date;
  revision: number;
  history: PovertyLineChange[];
}

const schema = new Schema<PovertyLineDoc>(
  {
    _id: String,
    provinceCode: { type: String, required: true },
    year: { type: Number, required: true },
    fen: { type: Number, required: true },
    reason: { type: String, required: true },
    setBy: { type: Schema.Types.Mixed, required: true },
    setAt: { type: Date, required: true },
    revision: { type: Number, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'poverty_lines', versionKey: false },
);
schema.index({ provinceCode: 1, year: 1 }, { unique: true });

export type PovertyLineModel = Model<PovertyLineDoc>;

export function povertyLineModel(conn: Connection): PovertyLineModel {
  return (
    (conn.models.PovertyLine as PovertyLineModel | undefined) ??
    conn.model<PovertyLineDoc>('PovertyLine', schema)
  );
}
