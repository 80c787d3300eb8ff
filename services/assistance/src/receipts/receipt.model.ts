import type { BenefitSource } from '@fupin/contracts';
import type { ReceiptResult } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';

/**
 * 到户资金确认 — what a household said, at a helper's visit, of one payment of its 受益底册
 * row: received, not received, or received with another amount. Never overwritten: a later
 * confirmation of the same row is a new record, and the latest one counts.
 */
export interface Receipt {
  _id: string;
  visitId: string;
  /** The visit's day (Asia/Shanghai): when the household said it. */
  visitDate: string;
  householdId: string;
  householdNo: string;
  /** The household's village at the visit: the scope. */
  areaCode: string;
  /** The ledger row confirmed: its source and the source's own id. */
  source: BenefitSource;
  rowId: string;
  /** What the household says it received, in fen. */
  amountFen: number;
  result: ReceiptResult;
  note: string;
  /** 签字照片: a photo of the visit, or a 确认码 the household gave; at least one. */
  signaturePhotoId: string | null;
  confirmationCode: string | null;
  recordedAt: Date;
  recordedBy: string;
  recordedByName: string;
}

const receiptSchema = new Schema<Receipt>(
  {
    _id: String,
    visitId: { type: String, required: true },
    visitDate: { type: String, required: true },
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    source: { type: String, required: true },
    rowId: { type: String, required: true },
    amountFen: { type: Number, required: true },
    result: { type: String, required: true },
    note: { type: String, default: '' },
    signaturePhotoId: { type: String, default: null },
    confirmationCode: { type: String, default: null },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    recordedByName: { type: String, required: true },
  },
  { collection: 'receipts', versionKey: false },
);
// The list's filters, each followed by the scope range; the area read walks the scope alone.
receiptSchema.index({ areaCode: 1, recordedAt: -1 });
receiptSchema.index({ householdId: 1, areaCode: 1 });
receiptSchema.index({ householdId: 1, recordedAt: -1 });
receiptSchema.index({ result: 1, areaCode: 1 });
receiptSchema.index({ visitId: 1, areaCode: 1 });
receiptSchema.index({ source: 1, rowId: 1, recordedAt: -1 });

export function receiptModel(conn: Connection) {
  return conn.models.Receipt
    ? conn.model<Receipt>('Receipt')
    : conn.model<Receipt>('Receipt', receiptSchema);
}
