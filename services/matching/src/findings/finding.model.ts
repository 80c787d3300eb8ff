import type {
  FindingConclusion,
  FindingOutcome,
  FindingStatus,
  MatchingRuleCode,
} from '@fupin/contracts';
import { type Bilingual, outboxPlugin, type OutboxFields } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ListType } from '../lists/list-types';
import type { DismissalReason } from './finding-dismissal';
import type { OpenGuarantee } from '../persons/person-index.model';

/** The department row a finding rests on, masked (the clear ID number was never stored). */
export interface RowEvidence {
  kind: 'list_row';
  listId: string;
  listType: ListType;
  listVersion: number;
  listDate: string;
  row: number;
  idMasked: string;
  /** The type's fact: the appraisal grade, or the recipient's area. */
  fact: string | null;
  /** The row's other cells by header, personal data in them masked. */
  columns: Record<string, string>;
  /** For ID_FACTS_MISMATCH: which registry facts disagree with the number. */
  mismatch?: ('birthDate' | 'sex')[];
  /** For EXITED_HOUSEHOLD_CHANGED: how the row changes the exited household. */
  change?: HouseholdChange;
  /** For WAGE_INCOME_UNDERREPORTED: the reported wages against the record, and the threshold. */
  wages?: WageComparison;
  /** The facts the finding rests on, in words (回头看 rules). */
  statement?: Bilingual;
}

/** 工资收入核查: the household's reported wage income against its members' wages on record. */
export interface WageComparison {
  incomeYear: number;
  reportedWageIncomeFen: number;
  wagesOnRecordFen: number;
  /** Members of the household on the wage lists. */
  membersOnRecord: number;
  /** The reference threshold applied (its version, share and minimum gap). */
  ratio: number;
  minGapFen: number;
  thresholdVersion: number;
}

/** What a department row changes in an exited household (回头看). */
export interface HouseholdChange {
  kind: 'member_deceased' | 'member_on_allowance';
  householdStatus: string;
  exitYear: number | null;
  /** 户规模 as recorded, and after the deceased member leaves. */
  householdSize: number | null;
  sizeAfter: number | null;
  perCapitaIncomeFen: number | null;
  incomeYear: number | null;
}

/** The lists a person was looked for and not found on. */
export interface AbsenceEvidence {
  kind: 'not_on_list';
  lists: {
    listId: string;
    listType: ListType;
    listVersion: number;
    listDate: string;
    areaCode: string;
  }[];
  /** For DROPOUT: age in whole years on the list's date. */
  ageOnListDate?: number;
}

/** Facts of the registry itself. */
export interface RegistryEvidence {
  kind: 'registry';
  households: { householdId: string; householdNo: string; areaCode: string; memberName: string }[];
  perCapitaIncomeFen?: number;
  povertyLineFen?: number;
  incomeYear?: number;
  /** 回头看: the exited household's status and exit year. */
  householdStatus?: string;
  exitYear?: number | null;
  /** For EXITED_GUARANTEE_UNMET: each guarantee not met or unknown, and where the states came from. */
  guarantees?: OpenGuarantee[];
  guaranteeSource?: 'states' | 'flags';
  /** The facts the finding rests on, in words (回头看 rules). */
  statement?: Bilingual;
}

export type Evidence = RowEvidence | AbsenceEvidence | RegistryEvidence;

/** What a run found, before it is recorded (created, or re-confirmed when it exists). */
export interface FindingCandidate {
  /** Deterministic from the rule and the subject: the same problem is always the same finding. */
  _id: string;
  /**
   * The ids the same problem was recorded under before finding ids stopped depending on the
   * HMAC key (the subject's keyed hash, under each hash the person has): a finding stored
   * under one of them is this finding. Only on candidates, never stored.
   */
  aliases?: string[];
  rule: MatchingRuleCode;
  ruleVersion: number;
  listType: ListType | null;
  subject: 'person' | 'household';
  idHash: string | null;
  householdId: string | null;
  memberId: string | null;
  householdNo: string | null;
  memberName: string | null;
  /** Where it is assigned (the household's village, or the list's area). */
  areaCode: string;
  /** Every area involved (a person in two households may be in two townships). */
  areaCodes: string[];
  evidence: Evidence;
}

export interface WorkflowStep {
  at: Date;
  action: 'created' | 'verified' | 'rectified' | 'reviewed' | 'closed' | 'reopened' | 'due';
  byId: string;
  byName: string;
  note: string | null;
  /** For `due` (督办, 调整整改期限): the deadline before and after; the reason is the note. */
  dueBefore?: Date;
  dueAfter?: Date;
}

type Who = { id: string; name: string; at: Date };

/** 登记系统处理结果 — what the registry did with the verified finding (one event of it). */
export interface RegistryOutcomeRecord {
  eventId: string;
  outcome: FindingOutcome;
  workflowId: string | null;
  reason: string | null;
  at: Date;
  receivedAt: Date;
}

/**
 * An earlier round of a finding, closed and then found again by a later run (重新打开): its
 * evidence, conclusion and closure stay readable.
 */
export interface FindingRound {
  /** 1 for the first round. */
  round: number;
  runId: string;
  startedAt: Date;
  ruleVersion: number;
  evidence: Evidence;
  conclusion: FindingConclusion | null;
  conclusionReason: string | null;
  conclusionReasonCode?: DismissalReason | null;
  verifiedBy: Who | null;
  rectification: (Who & { note: string }) | null;
  review: (Who & { note: string | null }) | null;
  closing: (Who & { note: string | null; reason?: string | null }) | null;
  closedAt: Date;
  registryOutcome: RegistryOutcomeRecord | null;
}

/** 比对问题 — a finding and its verification workflow. */
export interface Finding extends FindingCandidate, OutboxFields {
  /**
   * On a finding recorded under a legacy (HMAC-key-dependent) id: the id runs give the same
   * problem now, set when a run first recognised it, so it is found after the old key is gone.
   */
  runKey?: string;
  townshipCode: string;
  status: FindingStatus;
  conclusion: FindingConclusion | null;
  /** Why it was not confirmed, or what was corrected. */
  conclusionReason: string | null;
  /** 不属实原因: the code of a dismissal (absent on findings dismissed before codes existed). */
  conclusionReasonCode?: DismissalReason | null;
  verifiedBy: { id: string; name: string; at: Date } | null;
  rectification: { note: string; id: string; name: string; at: Date } | null;
  /** 初审: the first reviewer. */
  review: { id: string; name: string; at: Date; note: string | null } | null;
  /**
   * 复核销号: the second reviewer, never the first; `reason` is required when the registry
   * refused the change (refused, or 清退 not approved).
   */
  closing: {
    id: string;
    name: string;
    at: Date;
    note: string | null;
    reason?: string | null;
  } | null;
  history: WorkflowStep[];
  createdByRunId: string;
  lastRunId: string;
  /** How many runs found it. */
  confirmations: number;
  createdAt: Date;
  lastSeenAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  overdueReportedAt: Date | null;
  /** Optimistic-concurrency counter of the workflow. */
  revision: number;
  /** How many times a later run reopened it after it was closed (absent before reopening existed). */
  reopenings?: number;
  /** When the current round started: its creation, or the last reopening. */
  roundStartedAt?: Date;
  /** The run that started the current round (absent: `createdByRunId`). */
  roundRunId?: string;
  /** The earlier rounds, oldest first. */
  rounds?: FindingRound[];
  /** The registry's latest outcome for the finding, and every one received, in order. */
  registryOutcome?: RegistryOutcomeRecord | null;
  registryOutcomes?: RegistryOutcomeRecord[];
}

const findingSchema = new Schema<Finding>(
  {
    _id: String,
    rule: { type: String, required: true },
    ruleVersion: { type: Number, required: true },
    listType: { type: String, default: null },
    subject: { type: String, required: true },
    idHash: { type: String, default: null },
    householdId: { type: String, default: null },
    memberId: { type: String, default: null },
    householdNo: { type: String, default: null },
    memberName: { type: String, default: null },
    areaCode: { type: String, required: true },
    areaCodes: { type: [String], required: true },
    townshipCode: { type: String, required: true },
    evidence: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    conclusion: { type: String, default: null },
    conclusionReason: { type: String, default: null },
    conclusionReasonCode: { type: String },
    verifiedBy: { type: Schema.Types.Mixed, default: null },
    rectification: { type: Schema.Types.Mixed, default: null },
    review: { type: Schema.Types.Mixed, default: null },
    closing: { type: Schema.Types.Mixed, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    createdByRunId: { type: String, required: true },
    lastRunId: { type: String, required: true },
    confirmations: { type: Number, default: 1 },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    overdueReportedAt: { type: Date, default: null },
    revision: { type: Number, required: true },
    reopenings: { type: Number, default: 0 },
    roundStartedAt: { type: Date },
    roundRunId: { type: String },
    runKey: { type: String },
    rounds: { type: Schema.Types.Mixed, default: [] },
    registryOutcome: { type: Schema.Types.Mixed, default: null },
    registryOutcomes: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'findings', versionKey: false, minimize: false },
);
findingSchema.plugin(outboxPlugin);
findingSchema.index({ areaCodes: 1, status: 1, createdAt: -1 });
findingSchema.index({ rule: 1, status: 1 });
findingSchema.index({ status: 1, dueAt: 1 });
// The list's filters, each followed by the scope range (one index walks both).
findingSchema.index({ lastRunId: 1, areaCodes: 1 });
findingSchema.index({ status: 1, areaCodes: 1 });
findingSchema.index({ townshipCode: 1, areaCodes: 1 });
findingSchema.index({ householdId: 1, areaCodes: 1 });
// The findings a run reopened, for its summary.
findingSchema.index({ roundRunId: 1 }, { sparse: true });
// Legacy findings by the id runs give them now (recording a run's batch).
findingSchema.index({ runKey: 1 }, { sparse: true });

export type FindingModel = Model<Finding>;

export function findingModel(conn: Connection): FindingModel {
  return (
    (conn.models.Finding as FindingModel | undefined) ??
    conn.model<Finding>('Finding', findingSchema)
  );
}
