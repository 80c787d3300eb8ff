import { type Connection, Schema } from 'mongoose';
import type { Sealed } from '../disbursements/disbursement.model';
import { type HistoryEntry, historyFields } from '../shared/principal';
import type { Installment, RepaymentKind } from './loan.schedule';

export const LOAN_KINDS = ['micro_credit', 'party_member'] as const;
/** micro_credit 扶贫小额信贷; party_member 党员脱贫工程 loans (seed 003). */
export type LoanKind = (typeof LOAN_KINDS)[number];

export const LOAN_STATUSES = ['active', 'repaid', 'written_off'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export interface Repayment {
  id: string;
  on: string;
  amountFen: number;
  note: string | null;
  by: string;
}

/** 核销 — a loan written off after a disaster, with the reason and the document. */
export interface WriteOff {
  on: string;
  reason: string;
  disaster: string;
  documentNo: string | null;
  amountFen: number;
  by: string;
  at: Date;
}

/** A loan to a registered household, its schedule and its repayments. */
export interface Loan {
  _id: string;
  /** 借款合同编号 — unique. */
  contractNo: string;
  kind: LoanKind;
  householdId: string;
  householdNo: string;
  areaCode: string;
  townshipCode: string;
  borrower: { memberId: string; name: string };
  lender: string;
  purpose: string;
  principalFen: number;
  termMonths: number;
  intervalMonths: number;
  annualRateBp: number;
  discountBp: number;
  repayment: RepaymentKind;
  startOn: string;
  /** 还款责任人 — who answers for the repayment (the contact guaranteeing it). */
  guarantor: { name: string; phone: Sealed | null; role: string | null };
  schedule: Installment[];
  repayments: Repayment[];
  paidFen: number;
  owedFen: number;
  /** The first installment's day not fully paid: overdue when before today. */
  firstUnpaidDueOn: string | null;
  status: LoanStatus;
  writeOff: WriteOff | null;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const loanSchema = new Schema<Loan>(
  {
    _id: String,
    contractNo: { type: String, required: true },
    kind: { type: String, required: true, enum: LOAN_KINDS },
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    borrower: { memberId: String, name: String },
    lender: { type: String, required: true },
    purpose: { type: String, required: true },
    principalFen: { type: Number, required: true },
    termMonths: { type: Number, required: true },
    intervalMonths: { type: Number, required: true },
    annualRateBp: { type: Number, required: true },
    discountBp: { type: Number, required: true },
    repayment: { type: String, required: true },
    startOn: { type: String, required: true },
    guarantor: { type: Schema.Types.Mixed, required: true },
    schedule: { type: Schema.Types.Mixed, default: () => [] },
    repayments: { type: Schema.Types.Mixed, default: () => [] },
    paidFen: { type: Number, required: true },
    owedFen: { type: Number, required: true },
    firstUnpaidDueOn: { type: String, default: null },
    status: { type: String, required: true, enum: LOAN_STATUSES },
    writeOff: { type: Schema.Types.Mixed, default: null },
    history: { type: [historyFields], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'loans', versionKey: false, minimize: false },
);
loanSchema.index({ contractNo: 1 }, { unique: true });
loanSchema.index({ areaCode: 1, status: 1 });
loanSchema.index({ status: 1, firstUnpaidDueOn: 1 });
// The list's filters, each followed by the scope range.
loanSchema.index({ householdId: 1, areaCode: 1 });
loanSchema.index({ status: 1, areaCode: 1 });

export function loanModel(conn: Connection) {
  return conn.models.Loan ? conn.model<Loan>('Loan') : conn.model<Loan>('Loan', loanSchema);
}
export type LoanModel = ReturnType<typeof loanModel>;
