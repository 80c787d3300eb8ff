import { type Connection, Schema } from 'mongoose';

export interface CoverageRow {
  areaCode: string;
  needy: number;
  covered: number;
  uncovered: number;
}

/**
 * The daily coverage check's result (帮扶责任人全覆盖): per township, how many households
 * must have a helper and how many have none, and which. One document per Shanghai day.
 */
export interface CoverageReport {
  _id: string;
  at: Date;
  byArea: CoverageRow[];
  /** The households without a helper, at most `REPORT_HOUSEHOLDS` of them. */
  uncovered: { id: string; householdNo: string; areaCode: string }[];
  uncoveredTotal: number;
  truncated: boolean;
  /** Helpers whose pairing counters were repaired from the pairings themselves. */
  loadsRepaired: number;
}

export const REPORT_HOUSEHOLDS = 20_000;

const reportSchema = new Schema<CoverageReport>(
  {
    _id: String,
    at: { type: Date, required: true },
    byArea: { type: Schema.Types.Mixed, default: [] },
    uncovered: { type: Schema.Types.Mixed, default: [] },
    uncoveredTotal: { type: Number, required: true },
    truncated: { type: Boolean, required: true },
    loadsRepaired: { type: Number, required: true },
  },
  { collection: 'coverage_reports', versionKey: false, minimize: false },
);
// The list's order, newest first (walked backwards for the oldest).
reportSchema.index({ at: -1, _id: -1 });

export function coverageReportModel(conn: Connection) {
  return conn.models.CoverageReport
    ? conn.model<CoverageReport>('CoverageReport')
    : conn.model<CoverageReport>('CoverageReport', reportSchema);
}
export type CoverageReportModel = ReturnType<typeof coverageReportModel>;
