import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

// Events of the support service (教育/健康扶贫). Like the registry's, they carry the keyed hash
// of a person's ID number (`idHash`), never the number itself; money is integer fen.

const idHash = z.string().regex(/^[0-9a-f]{64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A school term: `2018-spring` (春季学期) or `2018-autumn` (秋季学期). */
export const schoolTermSchema = z.string().regex(/^\d{4}-(spring|autumn)$/);

// ---------------------------------------------------------------- subsidies

/** One subsidy paid to a student for a term (免学费, 国家助学金 …). */
export const subsidyPaymentSnapshotSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  personId: z.string().min(1),
  householdId: z.string().min(1),
  idHash,
  /** Subsidy type code (tuition_waiver, national_grant …). */
  type: z.string().min(1),
  /** School stage code at the time of payment (senior_secondary …). */
  stage: z.string().min(1),
  term: schoolTermSchema,
  amountFen: z.number().int().min(0),
  paidOn: day,
  /** The paying department, as recorded. */
  department: z.string().min(1),
  areaCode: areaCodeSchema,
  voided: z.boolean(),
});
export type SubsidyPaymentSnapshot = z.infer<typeof subsidyPaymentSnapshotSchema>;

const SUBSIDY_TOPIC = 'support.subsidy.v1';

export const SubsidyPaid = defineEvent({
  topic: SUBSIDY_TOPIC,
  type: 'support.subsidy.paid',
  version: 1,
  description: 'An education subsidy was paid to a student for a term (keyed by the payment id).',
  payload: z.object({ payment: subsidyPaymentSnapshotSchema }),
});

export const SubsidyVoided = defineEvent({
  topic: SUBSIDY_TOPIC,
  type: 'support.subsidy.voided',
  version: 1,
  description: 'A subsidy payment recorded in error was voided; it no longer counts in totals.',
  payload: z.object({ payment: subsidyPaymentSnapshotSchema, reason: z.string().min(1) }),
});

// ---------------------------------------------------------------- dropout control (控辍保学)

export const dropoutCaseSnapshotSchema = z.object({
  id: z.string().min(1),
  personId: z.string().min(1),
  householdId: z.string().min(1),
  idHash,
  areaCode: areaCodeSchema,
  /** The school year (autumn of this year to summer of the next) the case belongs to. */
  schoolYear: z.number().int(),
  term: schoolTermSchema,
  expectedStage: z.enum(['primary', 'junior_secondary']),
  expectedGrade: z.number().int().min(1).max(9),
  status: z.enum(['open', 'closed']),
  ownerName: z.string().nullable(),
  closeReason: z.string().nullable(),
  openedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type DropoutCaseSnapshot = z.infer<typeof dropoutCaseSnapshotSchema>;

const DROPOUT_TOPIC = 'support.dropout.v1';

export const DropoutCaseOpened = defineEvent({
  topic: DROPOUT_TOPIC,
  type: 'support.dropout.opened',
  version: 1,
  description: 'A child of compulsory-education age not enrolled this term became a dropout case.',
  payload: z.object({ dropoutCase: dropoutCaseSnapshotSchema }),
});

export const DropoutCaseOwnerAssigned = defineEvent({
  topic: DROPOUT_TOPIC,
  type: 'support.dropout.owner_assigned',
  version: 1,
  description: 'A dropout case was given (or handed to) the person responsible for it.',
  payload: z.object({ dropoutCase: dropoutCaseSnapshotSchema }),
});

export const DropoutCaseClosed = defineEvent({
  topic: DROPOUT_TOPIC,
  type: 'support.dropout.closed',
  version: 1,
  description: 'A dropout case was closed: the child returned to school, or an allowed reason.',
  payload: z.object({ dropoutCase: dropoutCaseSnapshotSchema }),
});

// ---------------------------------------------------------------- enrollment (学籍)

export const EnrollmentRecorded = defineEvent({
  topic: 'support.enrollment.v1',
  type: 'support.enrollment.recorded',
  version: 1,
  description:
    "A registered child's enrollment for a term was recorded (by hand or import); keyed by the person's member id.",
  payload: z.object({
    personId: z.string().min(1),
    householdId: z.string().min(1),
    idHash,
    areaCode: areaCodeSchema,
    term: schoolTermSchema,
    stage: z.string().min(1),
    /** enrolled 在读, suspended 休学, dropped_out 辍学 … (support's enrollment statuses). */
    status: z.string().min(1),
    source: z.enum(['manual', 'import']),
  }),
});

// ---------------------------------------------------------------- in-patient reimbursement

export const inpatientEpisodeSnapshotSchema = z.object({
  id: z.string().min(1),
  personId: z.string().min(1),
  householdId: z.string().min(1),
  idHash,
  areaCode: areaCodeSchema,
  admittedOn: day,
  dischargedOn: day.nullable(),
  totalCostFen: z.number().int().min(0),
  basicInsuranceFen: z.number().int().min(0),
  seriousIllnessInsuranceFen: z.number().int().min(0),
  medicalAssistanceFen: z.number().int().min(0),
  /** The three layers together. */
  reimbursedFen: z.number().int().min(0),
  /** reimbursed ÷ total in basis points (8500 = 85.00%), rounded down. */
  ratioBasisPoints: z.number().int().min(0).max(10_000),
  /** The guaranteed ratio in force when the episode was recorded (9000 = 90%). */
  targetBasisPoints: z.number().int().min(0).max(10_000),
  /** What is owed to reach the target (追补), rounded up to the fen; 0 when the target is met. */
  topUpFen: z.number().int().min(0),
  topUpPaidFen: z.number().int().min(0),
  topUpStatus: z.enum(['not_needed', 'owed', 'partly_paid', 'paid']),
});
export type InpatientEpisodeSnapshot = z.infer<typeof inpatientEpisodeSnapshotSchema>;

const REIMBURSEMENT_TOPIC = 'support.reimbursement.v1';

export const ReimbursementRecorded = defineEvent({
  topic: REIMBURSEMENT_TOPIC,
  type: 'support.reimbursement.recorded',
  version: 1,
  description:
    'An in-patient episode was recorded with what each layer paid, its reimbursed ratio and the top-up owed.',
  payload: z.object({ episode: inpatientEpisodeSnapshotSchema }),
});

export const TopUpPaid = defineEvent({
  topic: REIMBURSEMENT_TOPIC,
  type: 'support.reimbursement.top_up_paid',
  version: 1,
  description: 'A top-up (追补到90%) payment was made for an in-patient episode.',
  payload: z.object({
    episode: inpatientEpisodeSnapshotSchema,
    payment: z.object({
      amountFen: z.number().int().positive(),
      paidOn: day,
      department: z.string(),
    }),
  }),
});

// ---------------------------------------------------------------- insurance coverage

export const insuranceKindSchema = z.enum(['basic_medical', 'serious_illness', 'pension']);

export const CoverageRecorded = defineEvent({
  topic: 'support.coverage.v1',
  type: 'support.coverage.recorded',
  version: 1,
  description:
    "A registered person's insurance enrollment for a year changed (keyed by the person's member id).",
  payload: z.object({
    personId: z.string().min(1),
    householdId: z.string().min(1),
    idHash,
    areaCode: areaCodeSchema,
    year: z.number().int(),
    kind: insuranceKindSchema,
    enrolled: z.boolean(),
    source: z.enum(['manual', 'import']),
  }),
});
