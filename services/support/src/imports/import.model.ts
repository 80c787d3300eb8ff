import type { Principal } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { modelOn } from '../db';
import type { EnrollmentData, ImportKind, InsuranceData, RowProblem } from './department-rows';

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * How a row of a department's list was reconciled with the registry projection:
 * - `pending` — not matched yet (only rows an earlier version stored before its job ran: the
 *   upload now keeps them in `department_import_pending` until the job stores them matched);
 * - `enrolled` — a registered person of the caller's area; the enrollment was recorded;
 * - `unknown_person` — the ID number is of nobody on the register;
 * - `out_of_scope` — a registered person outside the importing user's area (not recorded);
 * - `rejected` — the row has errors (an invalid ID number, an unknown stage …);
 * - `duplicate` — the person appears earlier in the same list;
 * - `not_found` — (no row) a registered person the list should hold but does not.
 */
export const OUTCOMES = [
  'pending',
  'enrolled',
  'unknown_person',
  'out_of_scope',
  'rejected',
  'duplicate',
  'not_found',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ImportCounts {
  rows: number;
  enrolled: number;
  unknownPerson: number;
  outOfScope: number;
  rejected: number;
  duplicate: number;
  notFound: number;
  /** Enrollments that differed from what was recorded before (the rest were already known). */
  changed: number;
}

export const COUNT_OF: Partial<Record<Outcome, keyof ImportCounts>> = {
  enrolled: 'enrolled',
  unknown_person: 'unknownPerson',
  out_of_scope: 'outOfScope',
  rejected: 'rejected',
  duplicate: 'duplicate',
  not_found: 'notFound',
};

/** 部门名单导入 — an upload of the education or health department's list, and its progress. */
export interface DepartmentImport {
  _id: string;
  kind: ImportKind;
  /** The term of an enrollment list, the year of an insurance list. */
  term: string | null;
  year: number | null;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  /** The caller, kept whole so the worker acts with the caller's area scope. */
  principal: Principal;
  actorId: string;
  actorArea: string;
  status: ImportStatus;
  /** Rows stored up to this sequence number have their outcome (a retried job resumes here). */
  checkpointSeq: number;
  counts: ImportCounts;
  unknownHeaders: string[];
  error: { code: string; message: { 'zh-CN': string; en: string } } | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

const importSchema = new Schema<DepartmentImport>(
  {
    _id: String,
    kind: { type: String, required: true },
    term: { type: String, default: null },
    year: { type: Number, default: null },
    fileName: { type: String, required: true },
    format: { type: String, required: true },
    encoding: { type: String, default: null },
    principal: { type: Schema.Types.Mixed, required: true },
    actorId: { type: String, required: true },
    actorArea: { type: String, required: true },
    status: { type: String, required: true },
    checkpointSeq: { type: Number, default: 0 },
    counts: { type: Schema.Types.Mixed, required: true },
    unknownHeaders: { type: [String], default: [] },
    error: { type: Schema.Types.Mixed, default: null },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'department_imports', versionKey: false, minimize: false },
);
importSchema.index({ actorArea: 1, createdAt: -1 });

/**
 * One line of an import's report: a row of the list (without the clear ID number), or a
 * registered person the list did not hold (`not_found`, no row number).
 */
export interface ImportRow {
  /** `<importId>:<seq>` */
  _id: string;
  importId: string;
  seq: number;
  sheet: string | null;
  row: number | null;
  idHash: string | null;
  /** The ID number's hash under every HMAC key held at upload, during a rotation window. */
  idHashes?: string[];
  idMasked: string | null;
  name: string | null;
  data: EnrollmentData | InsuranceData | null;
  outcome: Outcome;
  problems: RowProblem[];
  personId: string | null;
  areaCode: string | null;
  /** Records this row's batch changed (kept on the batch's first row; summed for the counts). */
  changed?: number;
}

const rowSchema = new Schema<ImportRow>(
  {
    _id: String,
    importId: { type: String, required: true },
    seq: { type: Number, required: true },
    sheet: { type: String, default: null },
    row: { type: Number, default: null },
    idHash: { type: String, default: null },
    idHashes: { type: [String], default: undefined },
    idMasked: { type: String, default: null },
    name: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: null },
    outcome: { type: String, required: true },
    problems: { type: Schema.Types.Mixed, default: [] },
    personId: { type: String, default: null },
    areaCode: { type: String, default: null },
    changed: { type: Number, default: 0 },
  },
  { collection: 'department_import_rows', versionKey: false, minimize: false },
);
rowSchema.index({ importId: 1, seq: 1 }, { unique: true });
rowSchema.index({ importId: 1, outcome: 1, seq: 1 });

/**
 * Rows of an upload waiting for the job, a run of them (in the list's order) per document:
 * the upload stores a few documents instead of one per row, and the job writes each row once,
 * with its outcome (an insert), instead of inserting it pending and updating it after. Deleted
 * when the job finishes.
 */
export interface PendingRows {
  /** `<importId>:<firstSeq>` */
  _id: string;
  importId: string;
  firstSeq: number;
  lastSeq: number;
  rows: ImportRow[];
}

const pendingSchema = new Schema<PendingRows>(
  {
    _id: String,
    importId: { type: String, required: true },
    firstSeq: { type: Number, required: true },
    lastSeq: { type: Number, required: true },
    rows: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'department_import_pending', versionKey: false, minimize: false },
);
pendingSchema.index({ importId: 1, lastSeq: 1 }, { unique: true });

export function importModels(conn: Connection) {
  return {
    imports: modelOn(conn, 'DepartmentImport', importSchema),
    rows: modelOn(conn, 'DepartmentImportRow', rowSchema),
    pending: modelOn(conn, 'DepartmentImportPending', pendingSchema),
  };
}
export type ImportModels = ReturnType<typeof importModels>;

export function emptyCounts(): ImportCounts {
  return {
    rows: 0,
    enrolled: 0,
    unknownPerson: 0,
    outOfScope: 0,
    rejected: 0,
    duplicate: 0,
    notFound: 0,
    changed: 0,
  };
}
