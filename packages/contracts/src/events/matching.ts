import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

// Cross-department data matching (数据比对) events. Payloads carry rule codes, ids, keyed
// hashes, areas and workflow facts only: never a clear ID number, nor a department row's
// evidence (which stays in the matching service, masked).

/** Every rule of the matching rule table (domain guide, "Cross-department data matching"). */
export const matchingRuleCodeSchema = z.enum([
  'VEHICLE_OWNER',
  'BUSINESS_OWNER',
  'PUBLIC_EMPLOYEE',
  'URBAN_PROPERTY',
  'DECEASED_IN_REGISTRY',
  'ALLOWANCE_NOT_REGISTERED',
  'ALLOWANCE_NOT_ON_LIST',
  'DROPOUT',
  'INSURANCE_GAP',
  'DANGEROUS_HOUSE',
  'ID_INVALID',
  'ID_FACTS_MISMATCH',
  'DUPLICATE_PERSON',
  'INCOME_ABOVE_LINE',
  // 回头看 / 错退: exited households re-checked (income, guarantees, members on the lists).
  'EXITED_BELOW_LINE',
  'EXITED_GUARANTEE_UNMET',
  'EXITED_HOUSEHOLD_CHANGED',
  // Lists of the departments that joined later (issue 22): 村干部, 养老金领取, 残疾证, 户籍迁移,
  // 就业工资.
  'VILLAGE_CADRE_FAMILY',
  'DECEASED_STILL_PAID',
  'PENSION_NOT_RECEIVED',
  'DISABLED_WITHOUT_CERTIFICATE',
  'CERTIFICATE_NOT_RECORDED_DISABLED',
  'MOVED_OUT_OF_COUNTY',
  'WAGE_INCOME_UNDERREPORTED',
]);
export type MatchingRuleCode = z.infer<typeof matchingRuleCodeSchema>;

/** 核实 → 整改 → 初审 → 复核销号. */
export const findingStatusSchema = z.enum([
  'assigned',
  'verified',
  'rectified',
  'reviewed',
  'closed',
]);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

/** 核实结论: confirmed, not confirmed (with a reason), or the data was corrected. */
export const findingConclusionSchema = z.enum(['confirmed', 'not_confirmed', 'data_corrected']);
export type FindingConclusion = z.infer<typeof findingConclusionSchema>;

/** What other services may know of a finding (比对发现的问题). */
export const findingSnapshotSchema = z.object({
  id: z.string().min(1),
  rule: matchingRuleCodeSchema,
  ruleVersion: z.number().int().positive(),
  subject: z.enum(['person', 'household']),
  householdId: z.string().nullable(),
  memberId: z.string().nullable(),
  /** HMAC-SHA256 of the normalised ID number, as in the registry's events. */
  idHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** The area the finding is assigned to (a village or, for people outside the registry, the list's area). */
  areaCode: areaCodeSchema,
  /** The township that verifies it (乡镇). */
  townshipCode: areaCodeSchema,
  status: findingStatusSchema,
  conclusion: findingConclusionSchema.nullable(),
  createdByRunId: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * How many times a later run found the finding again after it was closed (重新打开). Its
   * status goes back to assigned: a consumer ordering a finding's events by step ranks a
   * reopened finding after every step of its earlier rounds. Optional: events before it had none.
   */
  reopenings: z.number().int().min(0).optional(),
});
export type FindingSnapshot = z.infer<typeof findingSnapshotSchema>;

const FINDING_TOPIC = 'matching.finding.v1';

export const FindingCreated = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.created',
  version: 1,
  description:
    'A matching run found a new problem and assigned it to the township (a re-confirmed finding is not created again).',
  payload: z.object({ finding: findingSnapshotSchema }),
});

export const FindingVerified = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.verified',
  version: 1,
  description: 'The township verified the finding (核实) and recorded its conclusion.',
  payload: z.object({ finding: findingSnapshotSchema, conclusion: findingConclusionSchema }),
});

export const FindingRectified = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.rectified',
  version: 1,
  description: 'The rectification (整改) of a confirmed finding was recorded.',
  payload: z.object({ finding: findingSnapshotSchema }),
});

export const FindingReviewed = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.reviewed',
  version: 1,
  description: 'The first reviewer checked the finding; it awaits the second reviewer (双人复核).',
  payload: z.object({ finding: findingSnapshotSchema }),
});

export const FindingClosed = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.closed',
  version: 1,
  description: 'A second reviewer, other than the first, closed the finding (销号).',
  payload: z.object({ finding: findingSnapshotSchema }),
});

export const FindingOverdue = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.overdue',
  version: 1,
  description: 'The finding was still open when its deadline passed (sent once per finding).',
  payload: z.object({ finding: findingSnapshotSchema }),
});

export const FindingReopened = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.reopened',
  version: 1,
  description:
    'A later run found a closed finding again: it is assigned again with the new evidence and a new due date (its earlier closure stays in its history).',
  payload: z.object({
    finding: findingSnapshotSchema,
    runId: z.string().min(1),
    /** When the earlier round was closed. */
    previousClosedAt: z.iso.datetime({ offset: true }),
    previousConclusion: findingConclusionSchema.nullable(),
  }),
});

export const FindingDueChanged = defineEvent({
  topic: FINDING_TOPIC,
  type: 'matching.finding.due_changed',
  version: 1,
  description:
    "The county poverty office set an open finding's deadline (督办, 调整整改期限); the snapshot carries the new `dueAt`. A finding reported overdue may be reported again if the new deadline passes.",
  payload: z.object({
    finding: findingSnapshotSchema,
    /** The deadline before the change. */
    previousDueAt: z.iso.datetime({ offset: true }),
  }),
});
