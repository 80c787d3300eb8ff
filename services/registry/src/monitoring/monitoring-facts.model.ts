import { type Connection, type Model, Schema } from 'mongoose';

/**
 * 住院自付 — one in-patient episode's out-of-pocket cost as support's reimbursement events last
 * told it (one record per episode, replaced by each later event of it: applying one twice
 * changes nothing). Kept in its own collection, not on the household: the screening sums a
 * household's last twelve months.
 */
export interface MedicalCostRecord {
  /** The episode id. */
  _id: string;
  householdId: string;
  personId: string;
  areaCode: string;
  /** The discharge day, or the admission day while still in hospital. */
  day: string;
  totalCostFen: number;
  reimbursedFen: number;
  topUpPaidFen: number;
  outOfPocketFen: number;
  /** The event it was last written from (its id and time). */
  eventId: string;
  eventAt: Date;
}

const medicalSchema = new Schema<MedicalCostRecord>(
  {
    _id: String,
    householdId: { type: String, required: true },
    personId: { type: String, required: true },
    areaCode: { type: String, required: true },
    day: { type: String, required: true },
    totalCostFen: { type: Number, required: true },
    reimbursedFen: { type: Number, required: true },
    topUpPaidFen: { type: Number, required: true },
    outOfPocketFen: { type: Number, required: true },
    eventId: { type: String, required: true },
    eventAt: { type: Date, required: true },
  },
  { collection: 'monitoring_medical_costs', versionKey: false },
);
medicalSchema.index({ householdId: 1, day: 1 });

export type MedicalCostModel = Model<MedicalCostRecord>;

export function medicalCostModel(conn: Connection): MedicalCostModel {
  return (
    (conn.models.MonitoringMedicalCost as MedicalCostModel | undefined) ??
    conn.model<MedicalCostRecord>('MonitoringMedicalCost', medicalSchema)
  );
}

import { type DisasterKind } from './warning.types';

export { DISASTER_KINDS, type DisasterKind } from './warning.types';

/**
 * 灾情 — a disaster recorded by township staff for a village (every household of it) or for
 * named households of the village, with the day and the losses; a 防返贫 warning signal for a
 * year. Scoped by the village.
 */
export interface DisasterRecord {
  _id: string;
  kind: DisasterKind;
  /** The village (12 digits). */
  areaCode: string;
  townshipCode: string;
  day: string;
  /** Empty: the whole village. */
  householdIds: string[];
  lossesFen: number | null;
  description: string;
  recordedBy: { id: string; name: string; areaCode: string };
  recordedAt: Date;
}

const disasterSchema = new Schema<DisasterRecord>(
  {
    _id: String,
    kind: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    day: { type: String, required: true },
    householdIds: { type: [String], default: [] },
    lossesFen: { type: Number, default: null },
    description: { type: String, default: '' },
    recordedBy: { type: Schema.Types.Mixed, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'monitoring_disasters', versionKey: false },
);
disasterSchema.index({ day: -1 });
disasterSchema.index({ areaCode: 1, day: -1 });
disasterSchema.index({ kind: 1, areaCode: 1 });

export type DisasterModel = Model<DisasterRecord>;

export function disasterModel(conn: Connection): DisasterModel {
  return (
    (conn.models.MonitoringDisaster as DisasterModel | undefined) ??
    conn.model<DisasterRecord>('MonitoringDisaster', disasterSchema)
  );
}
