import type { FundingSource } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';
import { SOURCES } from '../projects/project.model';
import { type HistoryEntry, historyFields } from '../shared/principal';

export const TRANSFER_STATUSES = ['requested', 'executing', 'executed', 'rejected'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * 资金调剂 — money moved from one project to another. It moves only once a second person
 * approves it; money that moves any other way is the "unapproved transfer" misuse signal.
 */
export interface Transfer {
  _id: string;
  fromProjectId: string;
  fromProjectCode: string;
  toProjectId: string;
  toProjectCode: string;
  /** Both projects' areas: users of either may see it. */
  areaCodes: string[];
  source: FundingSource;
  amountFen: number;
  reason: string;
  documentNo: string | null;
  status: TransferStatus;
  requestedBy: { id: string; name: string };
  requestedAt: Date;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  executedOn: string | null;
  history: HistoryEntry[];
}

const transferSchema = new Schema<Transfer>(
  {
    _id: String,
    fromProjectId: { type: String, required: true },
    fromProjectCode: { type: String, required: true },
    toProjectId: { type: String, required: true },
    toProjectCode: { type: String, required: true },
    areaCodes: { type: [String], required: true },
    source: { type: String, required: true, enum: SOURCES },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    documentNo: { type: String, default: null },
    status: { type: String, required: true, enum: TRANSFER_STATUSES },
    requestedBy: { id: String, name: String },
    requestedAt: { type: Date, required: true },
    decidedBy: { type: Schema.Types.Mixed, default: null },
    decidedAt: { type: Date, default: null },
    executedOn: { type: String, default: null },
    history: { type: [historyFields], default: [] },
  },
  { collection: 'transfers', versionKey: false, minimize: false },
);
transferSchema.index({ areaCodes: 1, requestedAt: -1 });
// The list by status within the caller's area.
transferSchema.index({ status: 1, areaCodes: 1 });

export function transferModel(conn: Connection) {
  return conn.models.Transfer
    ? conn.model<Transfer>('Transfer')
    : conn.model<Transfer>('Transfer', transferSchema);
}
export type TransferModel = ReturnType<typeof transferModel>;
