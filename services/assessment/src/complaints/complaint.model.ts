import type { SealedValue } from '@fupin/kit';
import type {
  ComplaintChannel,
  ComplaintSatisfaction,
  ComplaintStatus,
  ComplaintSubject,
} from '@fupin/reference';
import { type Connection, type Model, Schema } from 'mongoose';

/** A personal value at rest: ciphertext, keyed hash, and the masked form shown by default. */
export interface PersonalValue extends SealedValue {
  masked: string;
}

/** 承办单位 — the unit a complaint is assigned to, named like the ranked units. */
export interface ComplaintUnit {
  /** `township:<area code>` or `department:<department code>`. */
  id: string;
  name: string;
}

/** 答复 — what the assigned unit answered, and when. */
export interface ComplaintAnswer {
  text: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  on: string;
  byId: string;
  byName: string;
}

/** A round that ended with an 不满意 and was reopened: kept, never overwritten. */
export interface ComplaintRound {
  unit: ComplaintUnit | null;
  dueOn: string;
  answer: ComplaintAnswer | null;
  satisfaction: ComplaintSatisfaction | null;
  reopenedOn: string;
  reopenReason: string;
}

/** One change, for the complaint's own record of who did what (办理过程). */
export interface ComplaintStep {
  at: Date;
  action: 'create' | 'assign' | 'answer' | 'satisfaction' | 'reopen';
  byId: string;
  byName: string;
  note: string | null;
}

/** 信访件 — a complaint about poverty work. */
export interface Complaint {
  _id: string;
  /** 信访编号, e.g. `XF2026-000123`. */
  complaintNo: string;
  receivedOn: string;
  channel: ComplaintChannel;
  /** Encrypted at rest; `null` for an anonymous complaint (匿名). */
  complainantName: PersonalValue | null;
  complainantPhone: PersonalValue | null;
  /** The township or village it is about (12 digits): the area scope. */
  areaCode: string;
  subject: ComplaintSubject;
  text: string;
  householdId: string | null;
  status: ComplaintStatus;
  unit: ComplaintUnit | null;
  /** `unit.id` at the top level, for the per-unit filter's index. */
  unitId: string | null;
  /** The day the answer is due (the deadline day itself is on time). */
  dueOn: string;
  /** The deadline rule's version that set the default due day. */
  deadlineRule: number;
  answer: ComplaintAnswer | null;
  /** No answer yet in this round (待办理, 办理中, 重新办理): the overdue filter's indexed equality. */
  awaitingAnswer: boolean;
  satisfaction: ComplaintSatisfaction | null;
  rounds: ComplaintRound[];
  steps: ComplaintStep[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const personal = { type: Schema.Types.Mixed, default: null };

const complaintSchema = new Schema<Complaint>(
  {
    _id: String,
    complaintNo: { type: String, required: true },
    receivedOn: { type: String, required: true },
    channel: { type: String, required: true },
    complainantName: personal,
    complainantPhone: personal,
    areaCode: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    householdId: { type: String, default: null },
    status: { type: String, required: true },
    unit: { type: Schema.Types.Mixed, default: null },
    unitId: { type: String, default: null },
    dueOn: { type: String, required: true },
    deadlineRule: { type: Number, required: true },
    answer: { type: Schema.Types.Mixed, default: null },
    awaitingAnswer: { type: Boolean, required: true },
    satisfaction: { type: String, default: null },
    rounds: { type: Schema.Types.Mixed, default: [] },
    steps: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'complaints', versionKey: false, minimize: false },
);
// The list: scoped by area (a range), newest first, and each filter alone.
complaintSchema.index({ areaCode: 1, receivedOn: -1 });
complaintSchema.index({ status: 1, areaCode: 1 });
complaintSchema.index({ channel: 1, areaCode: 1 });
complaintSchema.index({ subject: 1, areaCode: 1 });
complaintSchema.index({ unitId: 1, areaCode: 1 });
// 逾期: awaiting an answer (an equality; the local engine plans none on null) and past due.
complaintSchema.index({ awaitingAnswer: 1, areaCode: 1, dueOn: 1 });
complaintSchema.index({ householdId: 1, areaCode: 1 });
complaintSchema.index({ receivedOn: 1, areaCode: 1 });
complaintSchema.index({ complaintNo: 1 }, { unique: true });

export type ComplaintModel = Model<Complaint>;

export function complaintModel(conn: Connection): ComplaintModel {
  return (
    (conn.models.Complaint as ComplaintModel | undefined) ??
    conn.model<Complaint>('Complaint', complaintSchema)
  );
}
