import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { codesOf, MeasureCategory } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';

export const MEASURE_CATEGORIES = codesOf(MeasureCategory);
/** 五个一批 (production, relocation, ecological compensation, education, social security) and the others. */
export type MeasureCategoryCode = (typeof MEASURE_CATEGORIES)[number];

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
/** 计划 → 实施中 → 已完成, or 已取消. */
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export interface StatusStep {
  at: Date;
  from: MeasureStatus | null;
  to: MeasureStatus;
  reason: string | null;
  actorId: string;
  actorName: string;
}

/** 帮扶措施 — one measure for a household, under its plan (一户一策). */
export interface Measure extends OutboxFields {
  _id: string;
  householdId: string;
  householdNo: string;
  areaCode: string;
  category: MeasureCategoryCode;
  /** What exactly: 护林员, 小额信贷, 鸡苗 … */
  type: string;
  description: string;
  /** Money, or the value of in-kind help, in integer fen. */
  amountFen: number | null;
  /** In-kind help: how much of what (200 只鸡苗). */
  quantity: number | null;
  unit: string | null;
  startDate: string | null;
  endDate: string | null;
  status: MeasureStatus;
  helperId: string | null;
  helperName: string | null;
  /** The funds service's project id, when a project finances it. */
  projectId: string | null;
  steps: StatusStep[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  revision: number;
}

const measureSchema = new Schema<Measure>(
  {
    _id: String,
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    category: { type: String, required: true, enum: MEASURE_CATEGORIES },
    type: { type: String, required: true },
    description: { type: String, default: '' },
    amountFen: { type: Number, default: null },
    quantity: { type: Number, default: null },
    unit: { type: String, default: null },
    startDate: { type: String, default: null },
    endDate: { type: String, default: null },
    status: { type: String, required: true, enum: MEASURE_STATUSES },
    helperId: { type: String, default: null },
    helperName: { type: String, default: null },
    projectId: { type: String, default: null },
    steps: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'measures', versionKey: false, minimize: false },
);
measureSchema.plugin(outboxPlugin);
measureSchema.index({ areaCode: 1, category: 1, status: 1 });
// The list's filters, each followed by the scope range (one index walks both).
measureSchema.index({ householdId: 1, areaCode: 1 });
measureSchema.index({ helperId: 1, areaCode: 1 });
measureSchema.index({ status: 1, areaCode: 1 });
measureSchema.index({ category: 1, areaCode: 1 });
measureSchema.index({ projectId: 1 });

export function measureModel(conn: Connection) {
  return conn.models.Measure
    ? conn.model<Measure>('Measure')
    : conn.model<Measure>('Measure', measureSchema);
}
export type MeasureModel = ReturnType<typeof measureModel>;
