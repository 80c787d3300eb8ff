import type { AccountabilityDecisionKind } from '@fupin/reference';
import { type Connection, type Model, Schema } from 'mongoose';
import type { UnitKind } from '../indicators/catalogue';
import type { Text } from '../scoring/scoring.engine';

/** 案件状态 — 待处理, 已决定, 已跟进完毕, 已撤销 (the flag withdrawn by a recomputation). */
export type CaseStatus = 'open' | 'decided' | 'closed' | 'withdrawn';
export const CASE_STATUSES = ['open', 'decided', 'closed', 'withdrawn'] as const;

export interface Who {
  id: string;
  name: string;
}

/** One of the two rankings a case rests on, frozen from the version in force. */
export interface CaseRanking {
  rankingId: string;
  quarterKey: string;
  year: number;
  quarter: number;
  version: number;
  scoreCenti: number;
  rank: number;
  of: number;
  tiedWith: string[];
  yellowCard: boolean;
  consecutiveYellowCards: number;
  /** The score explained, line by line, as the ranking gave it. */
  explanation: Text[];
}

/** The facts: the earlier ranking and the one that flagged the unit, and why. */
export interface CaseFacts {
  /** The version in force that flagged the unit (or last did). */
  rankingId: string;
  version: number;
  reason: Text;
  /** Oldest first: the previous quarter's ranking, then the flagging one. */
  rankings: CaseRanking[];
}

export interface CaseDecision {
  kind: AccountabilityDecisionKind;
  /** The day it was decided (Asia/Shanghai calendar day). */
  decidedOn: string;
  /** Who decided: the body or leader named in the decision (县扶贫开发领导小组 …). */
  decidedBy: string;
  text: string;
  documentNo: string | null;
  recordedBy: Who;
  recordedAt: Date;
}

export interface CaseFollowUp {
  id: string;
  on: string;
  text: string;
  by: Who;
  at: Date;
}

export interface CaseClosing {
  on: string;
  note: string;
  by: Who;
  at: Date;
}

/** A recomputation no longer flags the unit (the case kept, not deleted). */
export interface CaseWithdrawal {
  rankingId: string;
  version: number;
  reason: Text;
  at: Date;
}

export type CaseAction =
  'opened' | 'refreshed' | 'withdrawn' | 'reinstated' | 'decided' | 'followed_up' | 'closed';

/** 处理记录 — every change, by whom (null: the ranking itself), from and to which status. */
export interface CaseHistoryEntry {
  at: Date;
  action: CaseAction;
  by: Who | null;
  from: CaseStatus | null;
  to: CaseStatus;
  note: string | null;
}

/**
 * 问责案件 — one per unit and quarter, opened when a ranking in force flags the unit for
 * accountability; the poverty office records the decision, the follow-up and the closing.
 */
export interface AccountabilityCase {
  /** `<year>-Q<quarter>.<kind>.<code>`. */
  _id: string;
  unitId: string;
  unit: { unitId: string; kind: UnitKind; code: string; name: string; areaCode: string };
  /** The unit's township (the county's for a department): the case's scope. */
  areaCode: string;
  quarterKey: string;
  year: number;
  quarter: number;
  status: CaseStatus;
  facts: CaseFacts;
  decision: CaseDecision | null;
  followUps: CaseFollowUp[];
  closing: CaseClosing | null;
  withdrawal: CaseWithdrawal | null;
  history: CaseHistoryEntry[];
  openedAt: Date;
  updatedAt: Date;
  /** Optimistic-concurrency counter. */
  revision: number;
}

const caseSchema = new Schema<AccountabilityCase>(
  {
    _id: String,
    unitId: { type: String, required: true },
    unit: { type: Schema.Types.Mixed, required: true },
    areaCode: { type: String, required: true },
    quarterKey: { type: String, required: true },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    status: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, required: true },
    decision: { type: Schema.Types.Mixed, default: null },
    followUps: { type: Schema.Types.Mixed, default: [] },
    closing: { type: Schema.Types.Mixed, default: null },
    withdrawal: { type: Schema.Types.Mixed, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    openedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'accountability_cases', versionKey: false, minimize: false },
);
// The list within the caller's area, alone and with each filter; a quarter's cases for the sync.
caseSchema.index({ areaCode: 1, openedAt: -1 });
caseSchema.index({ status: 1, areaCode: 1 });
caseSchema.index({ unitId: 1, areaCode: 1 });
caseSchema.index({ year: 1, quarter: 1, areaCode: 1 });
caseSchema.index({ quarterKey: 1 });

export type AccountabilityCaseModel = Model<AccountabilityCase>;

export function accountabilityCaseModel(conn: Connection): AccountabilityCaseModel {
  return (
    (conn.models.AccountabilityCase as AccountabilityCaseModel | undefined) ??
    conn.model<AccountabilityCase>('AccountabilityCase', caseSchema)
  );
}
