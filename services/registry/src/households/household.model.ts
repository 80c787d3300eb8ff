import { type OutboxFields, outboxPlugin, type SealedValue } from '@fupin/kit';
import { codesOf, HouseholdStatus as ReferenceHouseholdStatus } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';

/**
 * 动态管理 — where a household stands: the statuses of `@fupin/reference`, and two the registry's
 * own identification workflow adds — `candidate` while it runs, `cancelled` if it is refused.
 */
export const HOUSEHOLD_STATUSES = [
  'candidate',
  ...codesOf(ReferenceHouseholdStatus),
  'cancelled',
] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const GUARANTEES = [
  'food',
  'clothing',
  'compulsory_education',
  'basic_medical',
  'housing_safety',
  'safe_water',
] as const;
export type GuaranteeCode = (typeof GUARANTEES)[number];
export const GUARANTEE_STATES = ['met', 'not_met', 'unknown'] as const;
/** 达标 / 未达标 / 未知 — unknown is never met. */
export type GuaranteeState = (typeof GUARANTEE_STATES)[number];

/** What the platform's facts say of a guarantee, and which fact (`housing_grade:C` …). */
export interface DerivedGuarantee {
  state: GuaranteeState;
  /** The fact it follows; null when no fact is known (state unknown). */
  fact: string | null;
}

/** A guarantee stated by a person (or an import row), with who, when and why. */
export interface TypedGuarantee {
  state: GuaranteeState;
  /** Why; a typed value overrides a derived one only with a reason. */
  reason: string | null;
  actorId: string | null;
  actorName: string | null;
  at: Date | null;
  /** Read from a document stored before guarantees had three states (`{met, note}`). */
  legacy?: boolean;
}

/**
 * One guarantee: the state in force, where it comes from, and both the derived and the typed
 * value (a typed value with a reason overrides the derived one; without one it only fills in
 * where nothing is derived). `met` is `state === 'met'`, kept for readers of the old shape.
 */
export interface GuaranteeRecord {
  state: GuaranteeState;
  met: boolean;
  source: 'derived' | 'typed' | 'none';
  derived: DerivedGuarantee | null;
  typed: TypedGuarantee | null;
  note: string | null;
}
/** 两不愁三保障 + 饮水安全, each met / not met / unknown with its source. */
export type Guarantees = Record<GuaranteeCode, GuaranteeRecord>;

/**
 * What support (教育/健康扶贫) told the registry of one member: the latest enrollment, the open
 * dropout cases, the latest basic medical insurance coverage (events `support.*`).
 */
export interface MemberSupportFacts {
  memberId: string;
  enrollment: { term: string; status: string; stage: string } | null;
  openDropoutCases: string[];
  basicMedical: { year: number; enrolled: boolean } | null;
}

/** Yearly household income by source, integer fen (人均纯收入 is derived from it). */
export interface Income {
  year: number;
  wagesFen: number;
  productionFen: number;
  propertyFen: number;
  transferFen: number;
}

/** A personal value at rest: ciphertext, keyed hash and the masked form shown by default. */
export interface PersonalValue extends SealedValue {
  masked: string;
}

/** 家庭成员 — inside the household aggregate, so a household and its members change atomically. */
export interface Member {
  id: string;
  name: string;
  idNumber: PersonalValue;
  relation: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  educationLevel: string | null;
  inSchool: boolean;
  schoolStage: string | null;
  health: string | null;
  disabilityGrade: string | null;
  labourCapacity: string | null;
  migrantWork: { working: boolean; place: string | null; months: number | null };
  medicalInsurance: boolean;
  pensionInsurance: boolean;
  minimumAllowance: boolean;
  destituteSupport: boolean;
  phone: PersonalValue | null;
  status: 'active' | 'removed';
  removedReason: string | null;
  removedAt: Date | null;
  /** Removed because of a verified death (a 防返贫 warning signal for a year). */
  deceased?: boolean;
}

/** One entry of a household's history: who did what, when, why, with which evidence. */
export interface HistoryEntry {
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  evidence: string[];
  changed: string[];
}

/** 贫困户 / 建档立卡户 — the household aggregate. */
export interface Household extends OutboxFields {
  _id: string;
  householdNo: string;
  areaCode: string;
  townshipCode: string;
  groupNo: number | null;
  address: string;
  headName: string;
  phone: PersonalValue | null;
  bankName: string | null;
  bankAccount: PersonalValue | null;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  guarantees: Guarantees;
  housingGrade: 'A' | 'B' | 'C' | 'D' | null;
  identificationYear: number | null;
  exitYear: number | null;
  partyMember: boolean;
  income: Income | null;
  size: number;
  perCapitaIncomeFen: number | null;
  /** Per-capita income against the poverty line of the income year: null when unknown. */
  belowPovertyLine: boolean | null;
  /** Guarantees not met or unknown (unknown is never met): the list's filters read this. */
  guaranteesUnmet: GuaranteeCode[];
  /** The guarantees whose state is unknown (also in `guaranteesUnmet`). */
  guaranteesUnknown?: GuaranteeCode[];
  /** Per-member facts from support's events (re-derive the guarantees when they change). */
  supportFacts?: MemberSupportFacts[];
  /** The version of the guarantee derivation last applied (older ones are re-derived at start). */
  guaranteesDerivation?: number;
  members: Member[];
  /** Active members' ID hashes, for the `idHash` filter without scanning members. */
  memberIdHashes: string[];
  memberNames: string[];
  workflow: unknown;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const personalValue = new Schema<PersonalValue>(
  {
    enc: String,
    hash: String,
    hashes: { type: [String], default: undefined },
    hashKeys: { type: [String], default: undefined },
    masked: String,
  },
  { _id: false },
);
// Mixed parts: documents from before the three states hold `{met, note}` only (readGuarantee).
const guarantee = new Schema(
  {
    state: { type: String, enum: [...GUARANTEE_STATES] },
    met: { type: Boolean, required: true },
    source: { type: String },
    derived: { type: Schema.Types.Mixed, default: null },
    typed: { type: Schema.Types.Mixed, default: null },
    note: { type: String, default: null },
  },
  { _id: false },
);

const memberSchema = new Schema<Member>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    idNumber: { type: personalValue, required: true },
    relation: { type: String, required: true },
    sex: { type: String, required: true },
    birthDate: { type: String, required: true },
    ethnicity: { type: String, default: null },
    educationLevel: { type: String, default: null },
    inSchool: { type: Boolean, default: false },
    schoolStage: { type: String, default: null },
    health: { type: String, default: null },
    disabilityGrade: { type: String, default: null },
    labourCapacity: { type: String, default: null },
    migrantWork: {
      working: { type: Boolean, default: false },
      place: { type: String, default: null },
      months: { type: Number, default: null },
    },
    medicalInsurance: { type: Boolean, default: false },
    pensionInsurance: { type: Boolean, default: false },
    minimumAllowance: { type: Boolean, default: false },
    destituteSupport: { type: Boolean, default: false },
    phone: { type: personalValue, default: null },
    status: { type: String, required: true, default: 'active' },
    removedReason: { type: String, default: null },
    removedAt: { type: Date, default: null },
    deceased: { type: Boolean, default: undefined },
  },
  { _id: false },
);

const historySchema = new Schema<HistoryEntry>(
  {
    at: Date,
    actorId: String,
    actorName: String,
    action: String,
    from: { type: String, default: null },
    to: { type: String, default: null },
    reason: { type: String, default: null },
    evidence: { type: [String], default: [] },
    changed: { type: [String], default: [] },
  },
  { _id: false },
);

const householdSchema = new Schema<Household>(
  {
    _id: String,
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    groupNo: { type: Number, default: null },
    address: { type: String, default: '' },
    headName: { type: String, default: '' },
    phone: { type: personalValue, default: null },
    bankName: { type: String, default: null },
    bankAccount: { type: personalValue, default: null },
    status: { type: String, required: true, enum: HOUSEHOLD_STATUSES },
    attribute: { type: String, default: null },
    mainCause: { type: String, default: null },
    otherCauses: { type: [String], default: [] },
    guarantees: Object.fromEntries(GUARANTEES.map((g) => [g, { type: guarantee, required: true }])),
    housingGrade: { type: String, default: null },
    identificationYear: { type: Number, default: null },
    exitYear: { type: Number, default: null },
    partyMember: { type: Boolean, default: false },
    income: {
      type: new Schema<Income>(
        {
          year: Number,
          wagesFen: Number,
          productionFen: Number,
          propertyFen: Number,
          transferFen: Number,
        },
        { _id: false },
      ),
      default: null,
    },
    size: { type: Number, required: true, default: 0 },
    perCapitaIncomeFen: { type: Number, default: null },
    belowPovertyLine: { type: Boolean, default: null },
    guaranteesUnmet: { type: [String], default: [] },
    guaranteesUnknown: { type: [String], default: undefined },
    supportFacts: { type: Schema.Types.Mixed, default: undefined },
    guaranteesDerivation: { type: Number, default: undefined },
    members: { type: [memberSchema], default: [] },
    memberIdHashes: { type: [String], default: [] },
    memberNames: { type: [String], default: [] },
    workflow: { type: Schema.Types.Mixed, default: null },
    history: { type: [historySchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { collection: 'households', versionKey: false, minimize: false },
);
householdSchema.plugin(outboxPlugin);
// The list's filters and orders are served by the list view (household_list, its own indexes):
// here only what the registry itself looks up. Every index costs on every write (SecantusDB
// rewrites each entry of a changed document, and the relay writes a household twice more).
householdSchema.index({ householdNo: 1 }, { unique: true });
householdSchema.index({ areaCode: 1, status: 1 });
householdSchema.index({ townshipCode: 1, status: 1 });
householdSchema.index({ status: 1, updatedAt: -1 });
householdSchema.index({ updatedAt: -1 });
householdSchema.index({ areaCode: 1, householdNo: 1 });
householdSchema.index({ townshipCode: 1, exitYear: 1 });

/** The list's filter indexes households carried before the list view took them over. */
export const RETIRED_HOUSEHOLD_INDEXES = [
  'attribute_1',
  'mainCause_1',
  'identificationYear_1',
  'exitYear_1',
  'guaranteesUnmet_1',
  'perCapitaIncomeFen_1',
  'memberIdHashes_1',
  'memberNames_1',
  'headName_1',
  'otherCauses_1',
  'belowPovertyLine_1',
];

/** Drops the retired indexes a registry from before the list view still has (idempotent). */
export async function dropRetiredHouseholdIndexes(model: HouseholdModel): Promise<string[]> {
  const listed = await model.collection.indexes().catch((err: unknown) => {
    // A new registry: no collection yet, nothing to retire.
    if ((err as { code?: number }).code === 26) return [];
    throw err;
  });
  const present = new Set(listed.map((i) => i.name));
  const retired = RETIRED_HOUSEHOLD_INDEXES.filter((name) => present.has(name));
  for (const name of retired) await model.collection.dropIndex(name);
  return retired;
}

export function householdModel(conn: Connection) {
  return conn.models.Household
    ? conn.model<Household>('Household')
    : conn.model<Household>('Household', householdSchema);
}
export type HouseholdModel = ReturnType<typeof householdModel>;

/**
 * One active membership per ID number across all households: the claim's _id is the
 * ID number's keyed hash, so the database itself refuses a second active claim.
 */
export interface IdClaim {
  _id: string;
  householdId: string;
  memberId: string;
  at: Date;
}

const idClaimSchema = new Schema<IdClaim>(
  {
    _id: String,
    householdId: { type: String, required: true },
    memberId: { type: String, required: true },
    at: Date,
  },
  { collection: 'id_claims', versionKey: false },
);
idClaimSchema.index({ householdId: 1 });

export function idClaimModel(conn: Connection) {
  return conn.models.IdClaim
    ? conn.model<IdClaim>('IdClaim')
    : conn.model<IdClaim>('IdClaim', idClaimSchema);
}
export type IdClaimModel = ReturnType<typeof idClaimModel>;
