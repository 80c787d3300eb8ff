import type { FundingSource } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';
import { SOURCES } from '../projects/project.model';
import { type HistoryEntry, historyFields } from '../shared/principal';

/** One target project of a batch and the amount it gets. */
export interface BatchAllocation {
  id: string;
  projectId: string;
  projectCode: string;
  areaCode: string;
  amountFen: number;
  /** Whether the project's ledger has it yet (a crash in between is resumed by the daily job). */
  applied: boolean;
}

/** 到位 — money of the batch that actually arrived. */
export interface Arrival {
  id: string;
  on: string;
  amountFen: number;
  note: string | null;
  by: string;
}

/** 资金下达批次 — funds handed down by a document (文号) from one source to target projects. */
export interface FundBatch {
  _id: string;
  /** 文号, e.g. 郴财农〔2017〕45号 — unique. */
  documentNo: string;
  title: string;
  source: FundingSource;
  amountFen: number;
  issuedOn: string;
  issuer: string | null;
  allocations: BatchAllocation[];
  allocatedFen: number;
  /** amountFen − allocatedFen, kept for the guard of a single-document update. */
  unallocatedFen: number;
  arrivals: Arrival[];
  arrivedFen: number;
  notArrivedFen: number;
  /** Areas of the target projects and of the creator: who may see the batch. */
  areaCodes: string[];
  createdBy: { id: string; name: string; areaCode: string };
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

const batchSchema = new Schema<FundBatch>(
  {
    _id: String,
    documentNo: { type: String, required: true },
    title: { type: String, required: true },
    source: { type: String, required: true, enum: SOURCES },
    amountFen: { type: Number, required: true },
    issuedOn: { type: String, required: true },
    issuer: { type: String, default: null },
    allocations: { type: Schema.Types.Mixed, default: () => [] },
    allocatedFen: { type: Number, required: true },
    unallocatedFen: { type: Number, required: true },
    arrivals: { type: Schema.Types.Mixed, default: () => [] },
    arrivedFen: { type: Number, required: true },
    notArrivedFen: { type: Number, required: true },
    areaCodes: { type: [String], default: [] },
    createdBy: { id: String, name: String, areaCode: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    history: { type: [historyFields], default: [] },
  },
  { collection: 'fund_batches', versionKey: false, minimize: false },
);
batchSchema.index({ documentNo: 1 }, { unique: true });
batchSchema.index({ areaCodes: 1 });
batchSchema.index({ 'allocations.applied': 1 });
batchSchema.index({ issuedOn: -1 });
// A project's batches (the scope is checked on each: two arrays share no compound index).
batchSchema.index({ 'allocations.projectId': 1 });

export function batchModel(conn: Connection) {
  return conn.models.FundBatch
    ? conn.model<FundBatch>('FundBatch')
    : conn.model<FundBatch>('FundBatch', batchSchema);
}
export type BatchModel = ReturnType<typeof batchModel>;
