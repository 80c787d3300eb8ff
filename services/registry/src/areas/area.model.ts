import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';

export type AreaLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** 行政区划 — one node of the administrative tree, keyed by its 12-digit code. */
export interface Area extends OutboxFields {
  _id: string;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  status: 'active' | 'retired';
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
  /** Optimistic concurrency: each change increments it. */
  revision: number;
}

const areaSchema = new Schema<Area>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true, maxlength: 100 },
    level: {
      type: String,
      required: true,
      enum: ['province', 'city', 'county', 'township', 'village'],
    },
    parentCode: { type: String, default: null },
    status: { type: String, required: true, enum: ['active', 'retired'], default: 'active' },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { collection: 'areas', versionKey: false },
);
areaSchema.plugin(outboxPlugin);
areaSchema.index({ code: 1 }, { unique: true });
areaSchema.index({ parentCode: 1, status: 1 });
areaSchema.index({ level: 1, code: 1 });
// The lists' filters, each with the scope range on the code after it (what a planner needs
// to walk one index for filter and scope alike): children, status, a township's villages.
areaSchema.index({ parentCode: 1, code: 1 });
areaSchema.index({ status: 1, code: 1 });
areaSchema.index({ level: 1, parentCode: 1, code: 1 });
areaSchema.index({ name: 1 });

export function areaModel(conn: Connection) {
  return conn.models.Area ? conn.model<Area>('Area') : conn.model<Area>('Area', areaSchema);
}
export type AreaModel = ReturnType<typeof areaModel>;
