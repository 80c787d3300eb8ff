import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { modelOn } from '../db';
import type { InsuranceKind } from '../health/coverage.rules';

/** How one insurance enrollment of a person for a year was recorded. */
export interface InsuranceRecord {
  enrolled: boolean;
  source: 'manual' | 'import';
  /** The import that recorded it, when it came from a department list. */
  importId: string | null;
  recordedAt: Date;
  recordedBy: string;
}

/**
 * 建档立卡人口 — a registered household member as the support service knows them, derived
 * from the registry projection (never typed in here), plus the insurance enrollments the
 * health department records per year. The `_id` is the registry's member id; the ID number
 * exists only as its keyed hash.
 */
export interface Person extends OutboxFields {
  _id: string;
  idHash: string;
  /**
   * During an HMAC rotation window: the registry's hashes under every key it holds (its
   * member's `idHashes`), so a list hashed under a key only the registry holds yet finds
   * the person. Absent otherwise.
   */
  idHashes?: string[];
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  relation: string;
  householdId: string;
  householdNo: string;
  householdStatus: string;
  /** The household's village (12 digits). */
  areaCode: string;
  townshipCode: string;
  memberStatus: 'active' | 'removed';
  /** An active member of a household that is in the registry (not a candidate or cancelled). */
  registered: boolean;
  inSchool: boolean;
  schoolStage: string | null;
  health: string | null;
  /** What the registry's own record says (self-reported); coverage uses `insurance`. */
  registryMedicalInsurance: boolean;
  registryPensionInsurance: boolean;
  /** Enrollments by year then kind: `insurance['2020'].basic_medical`. */
  insurance: Record<string, Partial<Record<InsuranceKind, InsuranceRecord>>>;
  /** The projection document's `seq` this view was derived from (stale updates are ignored). */
  householdSeq: number;
  syncedAt: Date;
}

const personSchema = new Schema<Person>(
  {
    _id: String,
    idHash: { type: String, required: true },
    idHashes: { type: [String], default: undefined },
    name: { type: String, required: true },
    sex: { type: String, required: true },
    birthDate: { type: String, required: true },
    relation: { type: String, default: '' },
    householdId: { type: String, required: true },
    householdNo: { type: String, default: '' },
    householdStatus: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    memberStatus: { type: String, required: true },
    registered: { type: Boolean, required: true },
    inSchool: { type: Boolean, default: false },
    schoolStage: { type: String, default: null },
    health: { type: String, default: null },
    registryMedicalInsurance: { type: Boolean, default: false },
    registryPensionInsurance: { type: Boolean, default: false },
    insurance: { type: Schema.Types.Mixed, default: {} },
    householdSeq: { type: Number, required: true },
    syncedAt: { type: Date, required: true },
  },
  { collection: 'persons', versionKey: false, minimize: false },
);
personSchema.plugin(outboxPlugin);
personSchema.index({ idHash: 1 });
personSchema.index({ idHashes: 1 });
// The list's order and filters, each filter followed by the scope range (one index walks both).
personSchema.index({ householdId: 1, areaCode: 1 });
personSchema.index({ townshipCode: 1, areaCode: 1 });
// 医保 lists the registered people: with the scope, and with a township.
personSchema.index({ registered: 1, areaCode: 1 });
personSchema.index({ registered: 1, townshipCode: 1, areaCode: 1 });
personSchema.index({ areaCode: 1, registered: 1, birthDate: 1 });
personSchema.index({ name: 1, _id: 1 });

export function personModel(conn: Connection) {
  return modelOn(conn, 'Person', personSchema);
}
export type PersonModel = ReturnType<typeof personModel>;
