import type { AppError } from '@fupin/kit';
import type { GuaranteeInput } from './guarantee.rules';
import type { GUARANTEES, Household, HouseholdStatus, Income, Member } from './household.model';

export interface MemberInput {
  name: string;
  idNumber: string;
  relation: string;
  sex?: 'male' | 'female' | null;
  birthDate?: string | null;
  ethnicity?: string | null;
  educationLevel?: string | null;
  inSchool?: boolean;
  schoolStage?: string | null;
  health?: string | null;
  disabilityGrade?: string | null;
  labourCapacity?: string | null;
  migrantWork?: { working: boolean; place?: string | null; months?: number | null };
  medicalInsurance?: boolean;
  pensionInsurance?: boolean;
  minimumAllowance?: boolean;
  destituteSupport?: boolean;
  phone?: string | null;
}

export interface HouseholdFacts {
  address?: string;
  groupNo?: number | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  attribute?: string | null;
  mainCause?: string | null;
  otherCauses?: string[];
  /** Each stated guarantee: `{state, reason?, note?}` or the old `{met, note?}`; omitted = unchanged (unknown when new). */
  guarantees?: Partial<Record<(typeof GUARANTEES)[number], GuaranteeInput>>;
  housingGrade?: 'A' | 'B' | 'C' | 'D' | null;
  identificationYear?: number | null;
  exitYear?: number | null;
  partyMember?: boolean;
  income?: Income | null;
}

export interface HouseholdInput extends HouseholdFacts {
  householdNo: string;
  /** The village (12-digit code) the household lives in. */
  areaCode: string;
  /** Registration by application starts as a candidate; an import of existing records states it. */
  status?: HouseholdStatus;
  members: MemberInput[];
}

export interface HouseholdFilter {
  area?: string;
  status?: HouseholdStatus[];
  attribute?: string;
  cause?: string;
  mainCause?: string;
  identificationYear?: number;
  exitYear?: number;
  guaranteeUnmet?: string;
  perCapitaMinFen?: number;
  perCapitaMaxFen?: number;
  belowPovertyLine?: boolean;
  memberName?: string;
  idNumber?: string;
  q?: string;
  id?: string[];
}

/** A member as the API shows it: personal values masked unless unmasked with a reason. */
export type MemberView = Omit<Member, 'idNumber' | 'phone'> & {
  idNumber: string;
  phone: string | null;
};
export type HouseholdView = Omit<
  Household,
  | '_id'
  | 'outbox'
  | 'hasOutbox'
  | 'outboxLease'
  | 'members'
  | 'phone'
  | 'bankAccount'
  | 'memberIdHashes'
  | 'memberNames'
> & {
  id: string;
  phone: string | null;
  bankAccount: string | null;
  members: MemberView[];
  /** 户主待变更: active members but no head (the head died); a head is designated by 户主变更. */
  headPending: boolean;
  unmasked: boolean;
};

export interface UnmaskRequest {
  reason: string;
  requestId?: string | null;
}

/** A workflow step as the household sees it: from which statuses to which, by what action and why. */
export interface TransitionStep {
  from: HouseholdStatus[];
  to: HouseholdStatus;
  action: string;
  workflow: string;
  reason: string;
  evidence?: string[];
  workflowState: unknown;
  set?: Partial<Pick<Household, 'exitYear' | 'identificationYear'>>;
  revision?: number;
}

export type NewHousehold = Omit<Household, 'outbox' | 'hasOutbox' | 'outboxLease'>;

/** The facts of a household as stored: what an update or an import row may state. */
export type StoredFacts = Pick<
  Household,
  | 'address'
  | 'groupNo'
  | 'phone'
  | 'bankName'
  | 'bankAccount'
  | 'attribute'
  | 'mainCause'
  | 'otherCauses'
  | 'guarantees'
  | 'housingGrade'
  | 'identificationYear'
  | 'exitYear'
  | 'partyMember'
  | 'income'
>;

/** What `importMany` reports for each household. */
export type ImportOutcome = { outcome: 'created' | 'updated' | 'unchanged' } | { error: AppError };
