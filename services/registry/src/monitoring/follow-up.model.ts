import { type Connection, type Model, Schema } from 'mongoose';

/**
 * 帮扶跟踪 — one month of a monitored household's follow-up: the household's income that month
 * (all members, fen), whether the township checked on the home (入户核查) and when, and a note.
 * One record per household and month; a correction replaces it and keeps what it replaced.
 * Scoped by the household's village.
 */
export interface FollowUpRecord {
  /** `<householdId>:<YYYY-MM>`. */
  _id: string;
  householdId: string;
  areaCode: string;
  townshipCode: string;
  month: string;
  incomeFen: number | null;
  /** The household's size when recorded: the per-capita figure is income ÷ size. */
  size: number;
  homeCheckOn: string | null;
  note: string;
  recordedBy: { id: string; name: string; areaCode: string };
  recordedAt: Date;
  corrections: {
    at: Date;
    actorName: string;
    incomeFen: number | null;
    homeCheckOn: string | null;
    note: string;
  }[];
}

const schema = new Schema<FollowUpRecord>(
  {
    _id: String,
    householdId: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    month: { type: String, required: true },
    incomeFen: { type: Number, default: null },
    size: { type: Number, required: true },
    homeCheckOn: { type: String, default: null },
    note: { type: String, default: '' },
    recordedBy: { type: Schema.Types.Mixed, required: true },
    recordedAt: { type: Date, required: true },
    corrections: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'monitoring_follow_ups', versionKey: false },
);
schema.index({ householdId: 1, month: -1 });

export type FollowUpModel = Model<FollowUpRecord>;

export function followUpModel(conn: Connection): FollowUpModel {
  return (
    (conn.models.MonitoringFollowUp as FollowUpModel | undefined) ??
    conn.model<FollowUpRecord>('MonitoringFollowUp', schema)
  );
}
