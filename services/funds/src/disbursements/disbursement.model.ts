import { type OutboxFields, outboxPlugin, type SealedValue } from '@fupin/kit';
import type { FundingSource } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';
import type { FileRef } from '../files/file.service';
import { SOURCES } from '../projects/project.model';
import { type HistoryEntry, historyFields } from '../shared/principal';

export const PAYEE_KINDS = ['contractor', 'households', 'other'] as const;
/** contractor 施工/供货单位, households 到户补助 (a payment list), other. */
export type PayeeKind = (typeof PAYEE_KINDS)[number];

export const DISBURSEMENT_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/** Personal data at rest: ciphertext, keyed hash and the masked form shown by default. */
export type Sealed = SealedValue & { masked: string };

/** A line of a payment list to households (到户补助发放名单). */
export interface PayeeLine {
  householdId: string | null;
  name: string;
  idNumber: Sealed | null;
  amountFen: number;
  /** Found among the registry projection's registered households when submitted. */
  registered: boolean;
}

/** 拨付 — a payment from a project's money under the reimbursement rule (报账制). */
export interface Disbursement extends OutboxFields {
  _id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  areaCode: string;
  townshipCode: string;
  source: FundingSource;
  amountFen: number;
  purpose: string;
  payeeKind: PayeeKind;
  /** The contractor or other payee (a payment list has `payees` instead). */
  payee: { name: string; bankAccount: Sealed | null } | null;
  payees: PayeeLine[];
  /** 报账凭证 — the uploaded invoices, receipts and lists, with their SHA-256. */
  vouchers: FileRef[];
  status: DisbursementStatus;
  submittedBy: { id: string; name: string };
  submittedAt: Date;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  /** The day the money was paid (the approval day unless given). */
  paidOn: string | null;
  rejectionReason: string | null;
  findingIds: string[];
  history: HistoryEntry[];
  revision: number;
}

const sealedSchema = new Schema<Sealed>(
  {
    enc: String,
    hash: String,
    hashes: { type: [String], default: undefined },
    hashKeys: { type: [String], default: undefined },
    masked: String,
  },
  { _id: false },
);

const disbursementSchema = new Schema<Disbursement>(
  {
    _id: String,
    projectId: { type: String, required: true },
    projectCode: { type: String, required: true },
    projectName: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    source: { type: String, required: true, enum: SOURCES },
    amountFen: { type: Number, required: true },
    purpose: { type: String, required: true },
    payeeKind: { type: String, required: true, enum: PAYEE_KINDS },
    payee: {
      type: new Schema(
        { name: String, bankAccount: { type: sealedSchema, default: null } },
        { _id: false },
      ),
      default: null,
    },
    payees: {
      type: [
        new Schema<PayeeLine>(
          {
            householdId: { type: String, default: null },
            name: String,
            idNumber: { type: sealedSchema, default: null },
            amountFen: Number,
            registered: Boolean,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    vouchers: { type: Schema.Types.Mixed, default: () => [] },
    status: { type: String, required: true, enum: DISBURSEMENT_STATUSES },
    submittedBy: { id: String, name: String },
    submittedAt: { type: Date, required: true },
    decidedBy: { type: Schema.Types.Mixed, default: null },
    decidedAt: { type: Date, default: null },
    paidOn: { type: String, default: null },
    rejectionReason: { type: String, default: null },
    findingIds: { type: [String], default: [] },
    history: { type: [historyFields], default: [] },
    revision: { type: Number, required: true },
  },
  { collection: 'disbursements', versionKey: false, minimize: false },
);
disbursementSchema.plugin(outboxPlugin);
disbursementSchema.index({ projectId: 1, submittedAt: -1 });
disbursementSchema.index({ areaCode: 1, status: 1 });
disbursementSchema.index({ 'vouchers.sha256': 1 });
disbursementSchema.index({ status: 1, paidOn: 1 });
// The list's filters, each followed by the scope range.
disbursementSchema.index({ status: 1, areaCode: 1 });
disbursementSchema.index({ projectId: 1, areaCode: 1 });
// The payments to a household (its dossier), followed by the scope range.
disbursementSchema.index({ 'payees.householdId': 1, areaCode: 1 });

export function disbursementModel(conn: Connection) {
  return conn.models.Disbursement
    ? conn.model<Disbursement>('Disbursement')
    : conn.model<Disbursement>('Disbursement', disbursementSchema);
}
export type DisbursementModel = ReturnType<typeof disbursementModel>;
