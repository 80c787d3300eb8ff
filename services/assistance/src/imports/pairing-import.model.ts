import type { Bilingual } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';

export interface RowError {
  /** The column letter people see in Excel (`B`), or '' for the row as a whole. */
  column: string;
  header: string;
  code: string;
  message: Bilingual;
}

/** A refused row with every reason, by the row number shown in Excel. */
export interface RejectedRow {
  row: number;
  householdNo: string;
  helperName: string;
  errors: RowError[];
}

export interface ImportCounts {
  rows: number;
  pairingsCreated: number;
  pairingsUnchanged: number;
  helpersCreated: number;
  rowsRejected: number;
}

/** 结对帮扶导入 — one uploaded pairing list: who sent it, what it did, which rows were refused. */
export interface PairingImport {
  _id: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  bytes: number;
  actorId: string;
  actorName: string;
  actorArea: string;
  createdAt: Date;
  counts: ImportCounts;
  rejected: RejectedRow[];
  rejectedTruncated: boolean;
  unknownHeaders: string[];
}

export const REPORT_LIMIT = 10_000;

const importSchema = new Schema<PairingImport>(
  {
    _id: String,
    fileName: { type: String, required: true },
    format: { type: String, required: true },
    encoding: { type: String, default: null },
    bytes: { type: Number, required: true },
    actorId: { type: String, required: true },
    actorName: { type: String, required: true },
    actorArea: { type: String, required: true },
    createdAt: { type: Date, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    rejected: { type: Schema.Types.Mixed, default: [] },
    rejectedTruncated: { type: Boolean, default: false },
    unknownHeaders: { type: [String], default: [] },
  },
  { collection: 'pairing_imports', versionKey: false, minimize: false },
);
importSchema.index({ actorArea: 1, createdAt: -1 });

export function pairingImportModel(conn: Connection) {
  return conn.models.PairingImport
    ? conn.model<PairingImport>('PairingImport')
    : conn.model<PairingImport>('PairingImport', importSchema);
}
export type PairingImportModel = ReturnType<typeof pairingImportModel>;
