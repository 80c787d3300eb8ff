import { type Connection, type Model, Schema } from 'mongoose';

/**
 * 人员索引 — every person the registry knows, keyed by the keyed hash of the ID number, with
 * the facts of each household the person belongs to (one person may wrongly be in two).
 */
export interface Membership {
  /**
   * During an HMAC key rotation window: every hash of the member's ID number the registry sent
   * (its current first), the same under each hash path it is kept at, so a run takes those
   * paths for one person. Absent outside a window (the path's hash is the only one).
   */
  idHashes?: string[];
  /**
   * The HMAC key id of each hash (aligned with `idHashes`, or the path's one hash), null where
   * the registry could not tell; absent for events from before the registry sent them (see
   * key-coverage: a run over a list hashed with a key refuses while someone lacks it).
   */
  idHashKeys?: (string | null)[];
  householdId: string;
  memberId: string;
  householdNo: string;
  name: string;
  /** The household's village (12 digits). */
  areaCode: string;
  /** The household itself has arrived (members can arrive before their household). */
  registered: boolean;
  householdStatus: string;
  memberStatus: 'active' | 'removed';
  /** As stated in the registry, `YYYY-MM-DD`. */
  birthDate: string;
  sex: 'male' | 'female';
  /** 低保. */
  minimumAllowance: boolean;
  /** 五保 / 特困供养. */
  destituteSupport: boolean;
  /**
   * The registry records the member as 残疾 (health `disabled`); absent in memberships derived
   * before it was kept: the disability checks then have nothing to read (rebuild the index).
   */
  disabled?: boolean;
  housingGrade: 'A' | 'B' | 'C' | 'D' | null;
  /** 住房安全有保障 as the registry records it. */
  housingSafe: boolean;
  perCapitaIncomeFen: number | null;
  incomeYear: number | null;
  /**
   * 工资性收入 of `incomeYear` as the household reported it (fen); null when none was reported,
   * absent in memberships derived before it was kept (the wage check then has nothing to read).
   */
  wageIncomeFen?: number | null;
  /** 户规模 as the registry records it (absent in memberships derived before it was kept). */
  householdSize?: number;
  exitYear?: number | null;
  /**
   * The household's guarantees not met or unknown (两不愁三保障 + 饮水安全), for the 错退 check;
   * `guaranteeSource` says whether they come from the registry's three states or, for events
   * without them, from the met / not-met flags. Absent in memberships derived before they were
   * kept: the check then has nothing to read (rebuild the index).
   */
  guaranteesOpen?: OpenGuarantee[];
  guaranteeSource?: 'states' | 'flags';
}

export type GuaranteeCode =
  'food' | 'clothing' | 'compulsory_education' | 'basic_medical' | 'housing_safety' | 'safe_water';

export interface OpenGuarantee {
  code: GuaranteeCode;
  state: 'not_met' | 'unknown';
}

/**
 * The index is kept in hash buckets (the first three hex digits of the hash: 4096 documents):
 * a change touches one path of one bucket atomically, and a run reads the whole index in a
 * few thousand documents instead of a million.
 */
export interface PersonBucket {
  _id: string;
  /** idHash → memberKey → membership. */
  people: Record<string, Record<string, Membership>>;
  updatedAt: Date;
}

export const BUCKET_DIGITS = 3;

export function bucketOf(idHash: string): string {
  return idHash.slice(0, BUCKET_DIGITS);
}

/** Member ids become field names: the characters MongoDB reserves in paths are escaped. */
export function memberKey(memberId: string): string {
  return memberId.replace(/[.$%]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

const bucketSchema = new Schema<PersonBucket>(
  {
    _id: String,
    people: { type: Schema.Types.Mixed, default: {} },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'person_index', versionKey: false, minimize: false },
);

export type PersonBucketModel = Model<PersonBucket>;

export function personBucketModel(conn: Connection): PersonBucketModel {
  return (
    (conn.models.PersonBucket as PersonBucketModel | undefined) ??
    conn.model<PersonBucket>('PersonBucket', bucketSchema)
  );
}
