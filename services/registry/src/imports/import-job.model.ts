import type { Principal } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import type { RejectedRow } from './household-rows';

export const IMPORT_STATUSES = ['queued', 'counting', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  householdsCreated: number;
  householdsUpdated: number;
  householdsUnchanged: number;
  householdsRejected: number;
  rowsRejected: number;
}

/**
 * An import of a household workbook: who asked, its progress (rows done of total), the
 * counts and the rejected rows. Lives in Mongo so jobs can be listed and read from any
 * instance while the BullMQ worker runs them.
 */
export interface ImportJob {
  _id: string;
  kind: 'households';
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  bytes: number;
  chunks: number;
  /** The caller, kept whole so the worker acts with the caller's rights and area scope. */
  principal: Principal;
  actorId: string;
  actorArea: string;
  status: ImportStatus;
  rowsTotal: number | null;
  rowsDone: number;
  counts: ImportCounts;
  /** Rows refused, at most `REPORT_LIMIT` of them (the counts stay exact beyond that). */
  rejected: RejectedRow[];
  rejectedTruncated: boolean;
  /** Rows up to which work is stored: a retried job resumes after it. */
  checkpointRow: number;
  unknownHeaders: string[];
  error: { code: string; message: { 'zh-CN': string; en: string } } | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

/** Keeps a job document far below the 16 MB document limit. */
export const REPORT_LIMIT = 10_000;

const importJobSchema = new Schema<ImportJob>(
  {
    _id: String,
    kind: { type: String, required: true },
    fileName: { type: String, required: true },
    format: { type: String, required: true },
    encoding: { type: String, default: null },
    bytes: { type: Number, required: true },
    chunks: { type: Number, required: true },
    principal: { type: Schema.Types.Mixed, required: true },
    actorId: { type: String, required: true },
    actorArea: { type: String, required: true },
    status: { type: String, required: true, enum: IMPORT_STATUSES },
    rowsTotal: { type: Number, default: null },
    rowsDone: { type: Number, default: 0 },
    counts: { type: Schema.Types.Mixed, required: true },
    rejected: { type: Schema.Types.Mixed, default: [] },
    rejectedTruncated: { type: Boolean, default: false },
    checkpointRow: { type: Number, default: 0 },
    unknownHeaders: { type: [String], default: [] },
    error: { type: Schema.Types.Mixed, default: null },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'import_jobs', versionKey: false, minimize: false },
);
importJobSchema.index({ actorArea: 1, createdAt: -1 });
// The list filtered by status, within the caller's area.
importJobSchema.index({ status: 1, actorArea: 1, createdAt: -1 });
importJobSchema.index({ createdAt: -1 });

export function importJobModel(conn: Connection) {
  return conn.models.ImportJob
    ? conn.model<ImportJob>('ImportJob')
    : conn.model<ImportJob>('ImportJob', importJobSchema);
}
export type ImportJobModel = ReturnType<typeof importJobModel>;

/**
 * An uploaded file in chunks well under the 16 MB document limit (GridFS is not available
 * on every server we run on), deleted when its job has finished.
 */
export interface ImportChunk {
  _id: string;
  jobId: string;
  n: number;
  data: Buffer;
}

const importChunkSchema = new Schema<ImportChunk>(
  {
    _id: String,
    jobId: { type: String, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'import_files', versionKey: false },
);
importChunkSchema.index({ jobId: 1, n: 1 }, { unique: true });

export function importChunkModel(conn: Connection) {
  return conn.models.ImportChunk
    ? conn.model<ImportChunk>('ImportChunk')
    : conn.model<ImportChunk>('ImportChunk', importChunkSchema);
}
export type ImportChunkModel = ReturnType<typeof importChunkModel>;

export function emptyCounts(): ImportCounts {
  return {
    householdsCreated: 0,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRejected: 0,
    rowsRejected: 0,
  };
}
