import type { FindingOutcome } from '@fupin/contracts';
import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';

/** One thing the registry did with a finding, in order. */
export interface FindingOutcomeEntry {
  outcome: FindingOutcome;
  at: Date;
  reason: string | null;
  workflowId: string | null;
}

/**
 * 漏评线索 — a person on the 低保 list but not in the registry: the township looks into it and
 * turns it into a candidate household (识别申请) or dismisses it with a reason.
 */
export interface CandidateLead {
  status: 'open' | 'converted' | 'dismissed';
  /** The candidate household it became. */
  householdId: string | null;
  reason: string | null;
  decidedBy: { id: string; name: string; areaCode: string } | null;
  decidedAt: Date | null;
}

/**
 * 比对问题回流 — a verified matching finding as the registry received it and what it did with it
 * (one per finding: the id is the finding id), with its outcome events in the outbox. Scoped by
 * the finding's area (a village, or the list's area for a person outside the registry).
 */
export interface FindingRecord extends OutboxFields {
  _id: string;
  rule: string;
  ruleVersion: number;
  householdId: string | null;
  memberId: string | null;
  /** Keyed hash of the person's ID number (never the number itself). */
  idHash: string | null;
  areaCode: string;
  townshipCode: string;
  /** `pending` while the registry acts on it (a redelivery finishes it), then `done`. */
  state: 'pending' | 'done';
  receivedAt: Date;
  /** The verification event it was received by (the latest round's). */
  eventId: string;
  /**
   * The round acted on: 0 for the first verification, n after the finding was closed and
   * reopened n times by later runs (each round's confirmation is acted on once).
   */
  round?: number;
  outcomes: FindingOutcomeEntry[];
  lead: CandidateLead | null;
}

const schema = new Schema<FindingRecord>(
  {
    _id: String,
    rule: { type: String, required: true },
    ruleVersion: { type: Number, required: true },
    householdId: { type: String, default: null },
    memberId: { type: String, default: null },
    idHash: { type: String, default: null },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    state: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    eventId: { type: String, required: true },
    round: { type: Number, default: 0 },
    outcomes: { type: Schema.Types.Mixed, default: [] },
    lead: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'finding_records', versionKey: false },
);
schema.plugin(outboxPlugin);
// The 漏评 leads' list: in scope by area, newest first, by status.
schema.index({ rule: 1, areaCode: 1, receivedAt: -1 });
schema.index({ rule: 1, 'lead.status': 1, areaCode: 1, receivedAt: -1 });
schema.index({ householdId: 1 });

export type FindingRecordModel = Model<FindingRecord>;

export function findingRecordModel(conn: Connection): FindingRecordModel {
  return (
    (conn.models.FindingRecord as FindingRecordModel | undefined) ??
    conn.model<FindingRecord>('FindingRecord', schema)
  );
}
