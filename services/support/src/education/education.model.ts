import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { modelOn } from '../db';
import { type PersonLink, personLinkFields as personLink } from '../people/person-link';
import type { DropoutCloseReason, EnrollmentStatus, SubsidyType } from './education.reference';

// ---------------------------------------------------------------- students and enrollments

/** 在校生 — a registered member tracked through school, with their current school and stage. */
export interface Student extends PersonLink {
  _id: string;
  birthDate: string;
  school: string;
  /** SchoolStage code (学前 … 本科). */
  stage: string;
  grade: number;
  /** The latest term an enrollment was recorded for. */
  latestTerm: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const studentSchema = new Schema<Student>(
  {
    _id: String,
    ...personLink,
    birthDate: { type: String, required: true },
    school: { type: String, required: true },
    stage: { type: String, required: true },
    grade: { type: Number, required: true },
    latestTerm: { type: String, default: null },
    revision: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'students', versionKey: false },
);
studentSchema.index({ personId: 1 }, { unique: true });
studentSchema.index({ areaCode: 1, stage: 1 });
// The list's order and filters, each filter followed by the scope range (one index walks both).
studentSchema.index({ stage: 1, areaCode: 1 });
studentSchema.index({ townshipCode: 1, areaCode: 1 });
studentSchema.index({ personId: 1, areaCode: 1 });
// A household's dossier (一户一档) within the scope.
studentSchema.index({ householdId: 1, areaCode: 1 });

/**
 * 学籍 — a student's enrollment status in one term (one per student per term). Its outbox
 * carries `support.enrollment.recorded` to the registry (义务教育 follows it).
 */
export interface Enrollment extends PersonLink, Partial<OutboxFields> {
  /** `<studentId>:<term>` */
  _id: string;
  studentId: string;
  term: string;
  school: string;
  stage: string;
  grade: number;
  status: EnrollmentStatus;
  source: 'manual' | 'import';
  importId: string | null;
  recordedAt: Date;
  recordedBy: string;
}

const enrollmentSchema = new Schema<Enrollment>(
  {
    _id: String,
    ...personLink,
    studentId: { type: String, required: true },
    term: { type: String, required: true },
    school: { type: String, required: true },
    stage: { type: String, required: true },
    grade: { type: Number, required: true },
    status: { type: String, required: true },
    source: { type: String, required: true },
    importId: { type: String, default: null },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  { collection: 'enrollments', versionKey: false },
);
enrollmentSchema.plugin(outboxPlugin);
enrollmentSchema.index({ term: 1, status: 1, personId: 1 });
enrollmentSchema.index({ studentId: 1, term: 1 });
// The list within the caller's area, in its order.
enrollmentSchema.index({ areaCode: 1, name: 1 });
// A household's dossier (一户一档) within the scope.
enrollmentSchema.index({ householdId: 1, areaCode: 1 });

// ---------------------------------------------------------------- subsidies

/** 资助标准 — the standard amount of a subsidy for a stage, per term, from a term on. */
export interface SubsidyStandard {
  /** `<type>:<stage>:<fromTerm>` */
  _id: string;
  type: SubsidyType;
  stage: string;
  fromTerm: string;
  /** Sortable form of fromTerm (year × 2 + 1 for autumn). */
  fromOrdinal: number;
  amountFen: number;
  note: string | null;
  updatedAt: Date;
  updatedBy: string;
}

const standardSchema = new Schema<SubsidyStandard>(
  {
    _id: String,
    type: { type: String, required: true },
    stage: { type: String, required: true },
    fromTerm: { type: String, required: true },
    fromOrdinal: { type: Number, required: true },
    amountFen: { type: Number, required: true },
    note: { type: String, default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'subsidy_standards', versionKey: false },
);
standardSchema.index({ type: 1, stage: 1, fromOrdinal: -1 });
// The (unscoped) list's order.
standardSchema.index({ type: 1, _id: 1 });

/** 资助发放 — one subsidy paid to a student for a term. */
export interface SubsidyPayment extends PersonLink, OutboxFields {
  _id: string;
  studentId: string;
  type: SubsidyType;
  stage: string;
  term: string;
  amountFen: number;
  /** Whether the amount is the standard's (false when typed in). */
  standard: boolean;
  paidOn: string;
  department: string;
  /**
   * `<studentId>:<type>:<term>` while the payment counts (one per student, type and term);
   * `void:<id>` once voided, so the same subsidy can be paid again correctly.
   */
  activeKey: string;
  voided: boolean;
  voidReason: string | null;
  recordedAt: Date;
  recordedBy: string;
}

const paymentSchema = new Schema<SubsidyPayment>(
  {
    _id: String,
    ...personLink,
    studentId: { type: String, required: true },
    type: { type: String, required: true },
    stage: { type: String, required: true },
    term: { type: String, required: true },
    amountFen: { type: Number, required: true },
    standard: { type: Boolean, required: true },
    paidOn: { type: String, required: true },
    department: { type: String, required: true },
    activeKey: { type: String, required: true },
    voided: { type: Boolean, required: true },
    voidReason: { type: String, default: null },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  { collection: 'subsidy_payments', versionKey: false },
);
paymentSchema.plugin(outboxPlugin);
paymentSchema.index({ activeKey: 1 }, { unique: true });
paymentSchema.index({ term: 1, voided: 1, areaCode: 1 });
// The list's order and filters, each filter followed by the scope range (one index walks both).
paymentSchema.index({ areaCode: 1, recordedAt: -1 });
paymentSchema.index({ term: 1, areaCode: 1 });
paymentSchema.index({ townshipCode: 1, areaCode: 1 });
paymentSchema.index({ studentId: 1, areaCode: 1 });
// A household's dossier (一户一档) within the scope.
paymentSchema.index({ householdId: 1, areaCode: 1 });

// ---------------------------------------------------------------- dropout cases (控辍保学)

export interface FollowUp {
  id: string;
  on: string;
  note: string;
  by: string;
  byName: string;
  at: Date;
}

export interface DropoutCase extends PersonLink, OutboxFields {
  _id: string;
  birthDate: string;
  schoolYear: number;
  /** The term whose enrollment records showed the child missing. */
  term: string;
  expectedStage: 'primary' | 'junior_secondary';
  expectedGrade: number;
  status: 'open' | 'closed';
  /** `open:<personId>` while open (one open case per child), `closed:<id>` after. */
  openKey: string;
  owner: { name: string; unit: string | null; userId: string | null } | null;
  followUps: FollowUp[];
  closeReason: DropoutCloseReason | null;
  closeNote: string | null;
  /** The school the child returned to. */
  returnedTo: string | null;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  revision: number;
}

const dropoutSchema = new Schema<DropoutCase>(
  {
    _id: String,
    ...personLink,
    birthDate: { type: String, required: true },
    schoolYear: { type: Number, required: true },
    term: { type: String, required: true },
    expectedStage: { type: String, required: true },
    expectedGrade: { type: Number, required: true },
    status: { type: String, required: true },
    openKey: { type: String, required: true },
    owner: { type: Schema.Types.Mixed, default: null },
    followUps: { type: Schema.Types.Mixed, default: [] },
    closeReason: { type: String, default: null },
    closeNote: { type: String, default: null },
    returnedTo: { type: String, default: null },
    openedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    revision: { type: Number, required: true },
  },
  { collection: 'dropout_cases', versionKey: false, minimize: false },
);
dropoutSchema.plugin(outboxPlugin);
dropoutSchema.index({ openKey: 1 }, { unique: true });
dropoutSchema.index({ personId: 1, schoolYear: 1 });
dropoutSchema.index({ status: 1, areaCode: 1 });
// The list's order and filters, each filter followed by the scope range (one index walks both).
dropoutSchema.index({ areaCode: 1, openedAt: -1 });
dropoutSchema.index({ townshipCode: 1, areaCode: 1 });
dropoutSchema.index({ schoolYear: 1, areaCode: 1 });
// A household's dossier (一户一档) within the scope.
dropoutSchema.index({ householdId: 1, areaCode: 1 });

export function educationModels(conn: Connection) {
  const model = <T>(name: string, schema: Schema<T>) => modelOn(conn, name, schema);
  return {
    students: model<Student>('Student', studentSchema),
    enrollments: model<Enrollment>('Enrollment', enrollmentSchema),
    standards: model<SubsidyStandard>('SubsidyStandard', standardSchema),
    payments: model<SubsidyPayment>('SubsidyPayment', paymentSchema),
    dropouts: model<DropoutCase>('DropoutCase', dropoutSchema),
  };
}
export type EducationModels = ReturnType<typeof educationModels>;
