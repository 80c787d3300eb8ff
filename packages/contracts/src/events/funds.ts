import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

// Money in every payload is integer fen (分); dates are `YYYY-MM-DD` calendar days in China.

const fen = z.number().int().min(0);
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const fundsProjectStatusSchema = z.enum([
  'proposed',
  'approved',
  'in_progress',
  'completed',
  'accepted',
]);

/** The money of a project: allocated (下达), awaiting approval, disbursed (拨付), available (结余). */
export const fundsMoneySchema = z.object({
  allocatedFen: fen,
  reservedFen: fen,
  disbursedFen: fen,
  availableFen: fen,
});

/** 项目库 — what other services (assessment) may know of a project. */
export const fundsProjectSnapshotSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  name: z.string().min(1),
  type: z.string().min(1),
  year: z.number().int(),
  areaCode: areaCodeSchema,
  townshipCode: areaCodeSchema,
  status: fundsProjectStatusSchema,
  plannedTotalFen: fen,
  beneficiaries: z.object({
    households: z.number().int().min(0),
    people: z.number().int().min(0),
    poorHouseholds: z.number().int().min(0),
    poorPeople: z.number().int().min(0),
  }),
  dates: z.object({
    proposedOn: calendarDay.nullable(),
    approvedOn: calendarDay.nullable(),
    startedOn: calendarDay.nullable(),
    completedOn: calendarDay.nullable(),
    acceptedOn: calendarDay.nullable(),
  }),
  money: fundsMoneySchema,
  revision: z.number().int().positive(),
});
export type FundsProjectSnapshot = z.infer<typeof fundsProjectSnapshotSchema>;

const PROJECT_TOPIC = 'funds.project.v1';

export const FundsProjectRegistered = defineEvent({
  topic: PROJECT_TOPIC,
  type: 'funds.project.registered',
  version: 1,
  description: 'A project entered the project library (项目库) as proposed (申报).',
  payload: z.object({ project: fundsProjectSnapshotSchema }),
});

export const FundsProjectUpdated = defineEvent({
  topic: PROJECT_TOPIC,
  type: 'funds.project.updated',
  version: 1,
  description: 'Project facts changed; `changed` lists the fields.',
  payload: z.object({ project: fundsProjectSnapshotSchema, changed: z.array(z.string()).min(1) }),
});

export const FundsProjectStatusChanged = defineEvent({
  topic: PROJECT_TOPIC,
  type: 'funds.project.status_changed',
  version: 1,
  description:
    'The project moved along proposed → approved (入库) → in progress (实施) → completed (完工) → accepted (验收).',
  payload: z.object({
    project: fundsProjectSnapshotSchema,
    from: fundsProjectStatusSchema,
    to: fundsProjectStatusSchema,
    on: calendarDay,
  }),
});

export const FundsProjectFundingChanged = defineEvent({
  topic: PROJECT_TOPIC,
  type: 'funds.project.funding_changed',
  version: 1,
  description:
    'Money was allocated to the project (下达), moved to or from it by an approved transfer, or disbursed (an approved payment); the snapshot carries the new totals.',
  payload: z.object({
    project: fundsProjectSnapshotSchema,
    reason: z.enum(['allocation', 'transfer_in', 'transfer_out', 'disbursement']),
    source: z.string().min(1),
    amountFen: fen,
    referenceId: z.string().min(1),
  }),
});

export const FundsProjectProgressReported = defineEvent({
  topic: PROJECT_TOPIC,
  type: 'funds.project.progress_reported',
  version: 1,
  description:
    'Progress of the work was reported (进度填报) with its evidence; payments are capped by it (根据项目进度分阶段拨付).',
  payload: z.object({
    project: fundsProjectSnapshotSchema,
    report: z.object({
      id: z.string().min(1),
      percent: z.number().int().min(0).max(100),
      previousPercent: z.number().int().min(0).max(100).nullable(),
      reportedOn: calendarDay,
      evidenceFileIds: z.array(z.string().min(1)).min(1),
    }),
    plannedStartOn: calendarDay.nullable(),
    plannedFinishOn: calendarDay.nullable(),
  }),
});

// ---------------------------------------------------------------- disbursements (拨付)

export const fundsDisbursementSnapshotSchema = z.object({
  id: z.string().min(1),
  projectId: z.string().min(1),
  projectCode: z.string().min(1),
  areaCode: areaCodeSchema,
  townshipCode: areaCodeSchema,
  source: z.string().min(1),
  amountFen: fen,
  payeeKind: z.enum(['contractor', 'households', 'other']),
  payeeCount: z.number().int().min(0),
  voucherCount: z.number().int().min(0),
  status: z.enum(['submitted', 'approved', 'rejected']),
  submittedBy: z.string().min(1),
  decidedBy: z.string().nullable(),
  paidOn: calendarDay.nullable(),
});
export type FundsDisbursementSnapshot = z.infer<typeof fundsDisbursementSnapshotSchema>;

const DISBURSEMENT_TOPIC = 'funds.disbursement.v1';

export const FundsDisbursementSubmitted = defineEvent({
  topic: DISBURSEMENT_TOPIC,
  type: 'funds.disbursement.submitted',
  version: 1,
  description:
    'A payment was submitted with its vouchers (报账) and the amount reserved on the project.',
  payload: z.object({ disbursement: fundsDisbursementSnapshotSchema }),
});

export const FundsDisbursementApproved = defineEvent({
  topic: DISBURSEMENT_TOPIC,
  type: 'funds.disbursement.approved',
  version: 1,
  description: 'A second person approved the payment (four-eyes): the money is disbursed (拨付).',
  payload: z.object({ disbursement: fundsDisbursementSnapshotSchema }),
});

export const FundsDisbursementRejected = defineEvent({
  topic: DISBURSEMENT_TOPIC,
  type: 'funds.disbursement.rejected',
  version: 1,
  description: 'The payment was refused; its reservation went back to the project.',
  payload: z.object({ disbursement: fundsDisbursementSnapshotSchema, reason: z.string() }),
});

// ---------------------------------------------------------------- idle funds (资金趴账)

export const FundsIdleAssessed = defineEvent({
  topic: 'funds.idle.v1',
  type: 'funds.idle.assessed',
  version: 1,
  description:
    'The daily idle-funds check for one township: money allocated and not disbursed after `days` days (资金趴账), split into unfinished projects and completed-but-unpaid ones, and projects approved but not started. Keyed `<date>:<township>`; the latest run of a date wins.',
  payload: z.object({
    date: calendarDay,
    asOf: z.iso.datetime({ offset: true }),
    townshipCode: areaCodeSchema,
    days: z.number().int().positive(),
    startDays: z.number().int().positive(),
    idleFen: fen,
    unfinishedFen: fen,
    completedUnpaidFen: fen,
    idleProjects: z.number().int().min(0),
    notStartedProjects: z.number().int().min(0),
    allocatedFen: fen,
    disbursedFen: fen,
  }),
});
