import {
  type AttachedFile,
  type AttachedFileRef,
  attachedFileFields,
  scopedRepository,
} from '@fupin/kit';
import type { InspectionCadence, InspectionCheck, InspectionSeverity } from '@fupin/reference';
import { type Connection, type Model, Schema } from 'mongoose';

/** One line of a record's history (its audit trail): who did what, when, from which state. */
export interface HistoryEntry {
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

/** What a record keeps of an attached file. */
export type FileRef = AttachedFileRef;

/** 督查计划 — who inspects which townships how often, checking what. */
export interface InspectionPlan {
  _id: string;
  name: string;
  cadence: InspectionCadence;
  /** The townships inspected (12-digit codes): the plan is seen in each of them. */
  areas: string[];
  checks: InspectionCheck[];
  inspectorUnit: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  revision: number;
  createdBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

/** 督查发现问题 — one problem found, on a checklist item, possibly about one household. */
export interface InspectionFinding {
  id: string;
  check: InspectionCheck;
  text: string;
  severity: InspectionSeverity;
  householdId: string | null;
  /** The rectification order opened from it, if any (one at most). */
  rectificationId: string | null;
}

/** 督查记录 — one inspection of an area on a day, its findings and photos. */
export interface Inspection {
  _id: string;
  planId: string | null;
  planName: string | null;
  /** The township or village inspected. */
  areaCode: string;
  townshipCode: string;
  inspectedOn: string;
  inspectors: string[];
  inspectorUnit: string;
  summary: string | null;
  findings: InspectionFinding[];
  photos: FileRef[];
  revision: number;
  createdBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

export const RECTIFICATION_STATUSES = [
  'rectifying',
  'awaiting_review',
  'closed',
  'returned',
] as const;
/** 整改中 / 待复核 / 已销号 / 退回. */
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** 责任单位 — a township or a county department, as the assessment names its units. */
export interface ResponsibleUnit {
  kind: 'township' | 'department';
  code: string;
  name: string;
}

/** 整改材料 — what the responsible unit sent to show the problem is put right. */
export interface RectificationSubmission {
  id: string;
  text: string;
  files: FileRef[];
  submittedBy: { id: string; name: string };
  submittedAt: Date;
  submittedOn: string;
}

/** 复核 — the decision on the latest submission, by someone other than its sender. */
export interface RectificationReview {
  decision: 'close' | 'return';
  note: string | null;
  reviewedBy: { id: string; name: string };
  reviewedAt: Date;
  reviewedOn: string;
}

/** 整改通知 — an order to put a finding right by a deadline, closed by a second person. */
export interface Rectification {
  _id: string;
  inspectionId: string;
  findingId: string;
  check: InspectionCheck;
  severity: InspectionSeverity;
  findingText: string;
  householdId: string | null;
  areaCode: string;
  townshipCode: string;
  unit: ResponsibleUnit;
  /** `township:<code>` or `department:<code>`, as the assessment's units are named. */
  unitId: string;
  requirement: string;
  issuedOn: string;
  deadline: string;
  status: RectificationStatus;
  submissions: RectificationSubmission[];
  reviews: RectificationReview[];
  closedOn: string | null;
  revision: number;
  createdBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

/** A photo or a piece of rectification evidence: the kit's attached file. */
export type InspectionFile = AttachedFile;

const mixed = { type: Schema.Types.Mixed, default: [] };
const by = { id: String, name: String };

const planSchema = new Schema<InspectionPlan>(
  {
    _id: String,
    name: { type: String, required: true },
    cadence: { type: String, required: true },
    areas: { type: [String], required: true },
    checks: { type: [String], required: true },
    inspectorUnit: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, default: null },
    note: { type: String, default: null },
    revision: { type: Number, required: true },
    createdBy: by,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    history: mixed,
  },
  { collection: 'inspection_plans', versionKey: false, minimize: false },
);
planSchema.index({ areas: 1, createdAt: -1 });
planSchema.index({ cadence: 1, areas: 1 });

const inspectionSchema = new Schema<Inspection>(
  {
    _id: String,
    planId: { type: String, default: null },
    planName: { type: String, default: null },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    inspectedOn: { type: String, required: true },
    inspectors: { type: [String], default: [] },
    inspectorUnit: { type: String, required: true },
    summary: { type: String, default: null },
    findings: mixed,
    photos: mixed,
    revision: { type: Number, required: true },
    createdBy: by,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    history: mixed,
  },
  { collection: 'inspections', versionKey: false, minimize: false },
);
inspectionSchema.index({ areaCode: 1, inspectedOn: -1 });
inspectionSchema.index({ planId: 1, areaCode: 1 });

const rectificationSchema = new Schema<Rectification>(
  {
    _id: String,
    inspectionId: { type: String, required: true },
    findingId: { type: String, required: true },
    check: { type: String, required: true },
    severity: { type: String, required: true },
    findingText: { type: String, required: true },
    householdId: { type: String, default: null },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    unit: { type: Schema.Types.Mixed, required: true },
    unitId: { type: String, required: true },
    requirement: { type: String, required: true },
    issuedOn: { type: String, required: true },
    deadline: { type: String, required: true },
    status: { type: String, required: true },
    submissions: mixed,
    reviews: mixed,
    closedOn: { type: String, default: null },
    revision: { type: Number, required: true },
    createdBy: by,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    history: mixed,
  },
  { collection: 'rectifications', versionKey: false, minimize: false },
);
// One order a finding, whoever opens it first.
rectificationSchema.index({ findingId: 1 }, { unique: true });
rectificationSchema.index({ areaCode: 1, deadline: 1 });
rectificationSchema.index({ status: 1, areaCode: 1 });
rectificationSchema.index({ unitId: 1, areaCode: 1 });
rectificationSchema.index({ inspectionId: 1, areaCode: 1 });
// The on-time indicator: the orders issued by a period's end.
rectificationSchema.index({ issuedOn: 1 });

const fileSchema = new Schema<InspectionFile>(attachedFileFields, {
  collection: 'inspection_files',
  versionKey: false,
});
fileSchema.index({ areaCode: 1, uploadedAt: -1 });

function modelOf<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

export function inspectionPlanModel(conn: Connection) {
  return modelOf(conn, 'InspectionPlan', planSchema);
}
export function inspectionModel(conn: Connection) {
  return modelOf(conn, 'Inspection', inspectionSchema);
}
export function rectificationModel(conn: Connection) {
  return modelOf(conn, 'Rectification', rectificationSchema);
}
export function inspectionFileModel(conn: Connection) {
  return modelOf(conn, 'InspectionFile', fileSchema);
}

/** 督查 — its area-scoped collections, each read and written through its ScopedRepository. */
export function inspectionCollections(conn: Connection) {
  return {
    plans: scopedRepository<InspectionPlan>(inspectionPlanModel(conn), 'areas'),
    inspections: scopedRepository<Inspection>(inspectionModel(conn)),
    rectifications: scopedRepository<Rectification>(rectificationModel(conn)),
    files: scopedRepository<InspectionFile>(inspectionFileModel(conn), ['areaCode', 'linkedAreas']),
  };
}
export type InspectionCollections = ReturnType<typeof inspectionCollections>;
