import type { Bilingual } from '@fupin/kit';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ListType } from './list-types';

/** A row the upload refused (or accepted with a warning), for the row-level report. */
export interface RowProblem {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
  /** The offending value, masked: clear ID numbers are never stored. */
  value: string;
}

export type ListStatus = 'receiving' | 'ready' | 'failed';

/** 部门名单 — one uploaded version of a department's list. */
export interface DepartmentList {
  _id: string;
  type: ListType;
  /** The area the list covers (the uploader's area unless narrowed). */
  areaCode: string;
  /** The day the list describes (`YYYY-MM-DD`, 名单截止日期). */
  date: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gb18030' | null;
  status: ListStatus;
  /** Version within its series (type + area), given when the list is complete. */
  version: number | null;
  seriesId: string;
  headers: string[];
  idColumn: string | null;
  factColumn: string | null;
  evidenceHeaders: string[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Rows whose ID number fails GB 11643 but is kept (hashed) to find the same bad number in the registry. */
  rowsWithInvalidId: number;
  warningsCount: number;
  rejectedByCode: Record<string, number>;
  rejected: RowProblem[];
  warnings: RowProblem[];
  reportTruncated: boolean;
  segments: number;
  bytes: number;
  uploadedBy: { id: string; name: string; areaCode: string };
  error: { code: string; message: Bilingual } | null;
  createdAt: Date;
  readyAt: Date | null;
  /**
   * 保留期限: when the retention job started deleting the list's rows (from then on no run may
   * use it), when it finished, and how many rows it kept (behind an open finding) and deleted.
   * Absent on a list whose rows are all kept.
   */
  rowsDeletingSince?: Date | null;
  rowsDeletedAt?: Date | null;
  rowsKept?: number | null;
  rowsDeleted?: number | null;
  /**
   * The id of the HMAC key the rows' ID numbers were hashed with (the current one at upload);
   * absent on lists from before HMAC key ids, which used `k1`. A run needs the service to
   * still hold it: the person index is found under the keys the registry holds.
   */
  hashKeyId?: string;
}

/** The HMAC key a list's rows were hashed with (`k1` before lists recorded it). */
export const hashKeyIdOf = (l: Pick<DepartmentList, 'hashKeyId'>): string => l.hashKeyId ?? 'k1';

const listSchema = new Schema<DepartmentList>(
  {
    _id: String,
    type: { type: String, required: true },
    areaCode: { type: String, required: true },
    date: { type: String, required: true },
    fileName: { type: String, required: true },
    format: { type: String, required: true },
    encoding: { type: String, default: null },
    status: { type: String, required: true },
    version: { type: Number, default: null },
    seriesId: { type: String, required: true },
    headers: { type: [String], default: [] },
    idColumn: { type: String, default: null },
    factColumn: { type: String, default: null },
    evidenceHeaders: { type: [String], default: [] },
    rowsRead: { type: Number, default: 0 },
    rowsAccepted: { type: Number, default: 0 },
    rowsRejected: { type: Number, default: 0 },
    rowsWithInvalidId: { type: Number, default: 0 },
    warningsCount: { type: Number, default: 0 },
    rejectedByCode: { type: Schema.Types.Mixed, default: {} },
    rejected: { type: Schema.Types.Mixed, default: [] },
    warnings: { type: Schema.Types.Mixed, default: [] },
    reportTruncated: { type: Boolean, default: false },
    segments: { type: Number, default: 0 },
    bytes: { type: Number, default: 0 },
    uploadedBy: { type: Schema.Types.Mixed, required: true },
    error: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, required: true },
    readyAt: { type: Date, default: null },
    rowsDeletingSince: { type: Date, default: null },
    rowsDeletedAt: { type: Date, default: null },
    rowsKept: { type: Number, default: null },
    rowsDeleted: { type: Number, default: null },
    hashKeyId: { type: String },
  },
  { collection: 'department_lists', versionKey: false, minimize: false },
);
listSchema.index({ areaCode: 1, createdAt: -1 });
listSchema.index({ seriesId: 1, version: 1 });
// Lists by status within the caller's area.
listSchema.index({ status: 1, areaCode: 1 });
// The lists whose rows the retention job has still to delete, oldest first.
listSchema.index({ rowsDeletedAt: 1, createdAt: 1 });

/** A segment of a list's packed rows, sealed (AES-GCM) as a whole. */
export interface ListSegment {
  _id: string;
  listId: string;
  n: number;
  rows: number;
  data: Buffer;
}

const segmentSchema = new Schema<ListSegment>(
  {
    _id: String,
    listId: { type: String, required: true },
    n: { type: Number, required: true },
    rows: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'department_list_segments', versionKey: false },
);
segmentSchema.index({ listId: 1, n: 1 });

/**
 * A list series: the versions of one type of list for one area. `current` is the newest
 * complete version, which a full run matches against.
 */
export interface ListSeries {
  _id: string;
  type: ListType;
  areaCode: string;
  lastVersion: number;
  currentListId: string | null;
  currentVersion: number;
}

const seriesSchema = new Schema<ListSeries>(
  {
    _id: String,
    type: { type: String, required: true },
    areaCode: { type: String, required: true },
    lastVersion: { type: Number, default: 0 },
    currentListId: { type: String, default: null },
    currentVersion: { type: Number, default: 0 },
  },
  { collection: 'department_list_series', versionKey: false },
);

export type DepartmentListModel = Model<DepartmentList>;
export type ListSegmentModel = Model<ListSegment>;
export type ListSeriesModel = Model<ListSeries>;

export function listModels(conn: Connection) {
  return {
    lists:
      (conn.models.DepartmentList as DepartmentListModel | undefined) ??
      conn.model<DepartmentList>('DepartmentList', listSchema),
    segments:
      (conn.models.ListSegment as ListSegmentModel | undefined) ??
      conn.model<ListSegment>('ListSegment', segmentSchema),
    series:
      (conn.models.ListSeries as ListSeriesModel | undefined) ??
      conn.model<ListSeries>('ListSeries', seriesSchema),
  };
}
export type ListModels = ReturnType<typeof listModels>;
