import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

/** Administrative levels of the area tree (县 → 乡镇 → 行政村 → 村民小组 lives on the village). */
export const areaLevelSchema = z.enum(['province', 'city', 'county', 'township', 'village']);

export const areaSnapshotSchema = z.object({
  code: areaCodeSchema,
  name: z.string().min(1),
  level: areaLevelSchema,
  parentCode: areaCodeSchema.nullable(),
  status: z.enum(['active', 'retired']),
});
export type AreaSnapshot = z.infer<typeof areaSnapshotSchema>;

const AREA_TOPIC = 'registry.area.v1';

export const AreaCreated = defineEvent({
  topic: AREA_TOPIC,
  type: 'registry.area.created',
  version: 1,
  description: 'An area (county, township or village) was added to the tree.',
  payload: z.object({ area: areaSnapshotSchema }),
});

export const AreaUpdated = defineEvent({
  topic: AREA_TOPIC,
  type: 'registry.area.updated',
  version: 1,
  description: 'An area was renamed or retired; `changed` lists the fields that changed.',
  payload: z.object({ area: areaSnapshotSchema, changed: z.array(z.string()).min(1) }),
});

// ---------------------------------------------------------------- households and members
// Payloads never carry a clear ID number, phone or bank account: only keyed hashes.

const householdStatusSchema = z.enum([
  'candidate',
  'in_poverty',
  'exited',
  'returned',
  'unstable',
  'marginal',
  'sudden_hardship',
  'cancelled',
]);
const guaranteeFlagsSchema = z.object({
  food: z.boolean(),
  clothing: z.boolean(),
  compulsory_education: z.boolean(),
  basic_medical: z.boolean(),
  housing_safety: z.boolean(),
  safe_water: z.boolean(),
});

export const guaranteeStateSchema = z.enum(['met', 'not_met', 'unknown']);
export type GuaranteeState = z.infer<typeof guaranteeStateSchema>;
const guaranteeStatesSchema = z.object({
  food: guaranteeStateSchema,
  clothing: guaranteeStateSchema,
  compulsory_education: guaranteeStateSchema,
  basic_medical: guaranteeStateSchema,
  housing_safety: guaranteeStateSchema,
  safe_water: guaranteeStateSchema,
});

/** What other services may know of a household (建档立卡户). */
export const householdSnapshotSchema = z.object({
  id: z.string().min(1),
  householdNo: z.string().min(1),
  areaCode: areaCodeSchema,
  groupNo: z.number().int().positive().nullable(),
  status: householdStatusSchema,
  attribute: z.string().nullable(),
  mainCause: z.string().nullable(),
  otherCauses: z.array(z.string()),
  size: z.number().int().min(0),
  perCapitaIncomeFen: z.number().int().nullable(),
  incomeYear: z.number().int().nullable(),
  /**
   * 工资性收入 of `incomeYear` as the household reported it (the whole household, fen).
   * Optional: events stored before it was carried have none (nothing to compare then).
   */
  wageIncomeFen: z.number().int().nullable().optional(),
  housingGrade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  /** Each guarantee met (true) or not (false); unknown counts as not met here. */
  guarantees: guaranteeFlagsSchema,
  /**
   * The three states behind `guarantees` (met / not met / unknown). Optional: events stored
   * before guarantees had three states have only the flags.
   */
  guaranteeStates: guaranteeStatesSchema.optional(),
  identificationYear: z.number().int().nullable(),
  exitYear: z.number().int().nullable(),
  partyMember: z.boolean(),
  revision: z.number().int().positive(),
});
export type HouseholdSnapshot = z.infer<typeof householdSnapshotSchema>;

export const memberSnapshotSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),
  /** HMAC-SHA256 of the normalised ID number (the shared matching key), under the current key. */
  idHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * During an HMAC key rotation window: the hash under every key the registry holds, the
   * current (`idHash`) first, so a view keyed by hash finds the person under either key.
   * Absent outside a window.
   */
  idHashes: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .min(2)
    .max(4)
    .optional(),
  /**
   * The HMAC key id of each hash, aligned with `idHashes` (or `[idHash]` outside a window):
   * null where the registry could not tell (a hash under a key it no longer holds, its value not
   * yet rehashed). Lets a view keyed by hash know whether it has every person under the key a
   * list was hashed with. Absent in events from before it was carried.
   */
  idHashKeys: z.array(z.string().min(1).max(32).nullable()).min(1).max(4).optional(),
  name: z.string().min(1),
  relation: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(['active', 'removed']),
  schoolStage: z.string().nullable(),
  inSchool: z.boolean(),
  health: z.string().nullable(),
  labourCapacity: z.string().nullable(),
  medicalInsurance: z.boolean(),
  pensionInsurance: z.boolean(),
  minimumAllowance: z.boolean(),
  destituteSupport: z.boolean(),
});
export type MemberSnapshot = z.infer<typeof memberSnapshotSchema>;

const HOUSEHOLD_TOPIC = 'registry.household.v1';
const MEMBER_TOPIC = 'registry.member.v1';

export const HouseholdRegistered = defineEvent({
  topic: HOUSEHOLD_TOPIC,
  type: 'registry.household.registered',
  version: 1,
  description:
    'A household entered the registry (by application, import or approval), with its members as registered (each also has its member.added).',
  payload: z.object({
    household: householdSnapshotSchema,
    // Optional: events stored before it carried members have none. A projection takes the
    // household and its members in one write; the member.added events that follow repeat them.
    members: z.array(memberSnapshotSchema).optional(),
  }),
});

export const HouseholdUpdated = defineEvent({
  topic: HOUSEHOLD_TOPIC,
  type: 'registry.household.updated',
  version: 1,
  description: 'Household facts changed; `changed` lists the fields.',
  payload: z.object({ household: householdSnapshotSchema, changed: z.array(z.string()).min(1) }),
});

export const HouseholdStatusChanged = defineEvent({
  topic: HOUSEHOLD_TOPIC,
  type: 'registry.household.status_changed',
  version: 1,
  description:
    'A workflow moved the household to another status (identification, exit, return, monitoring).',
  payload: z.object({
    household: householdSnapshotSchema,
    from: householdStatusSchema,
    to: householdStatusSchema,
    reason: z.string(),
    workflow: z.string(),
  }),
});

export const MemberAdded = defineEvent({
  topic: MEMBER_TOPIC,
  type: 'registry.member.added',
  version: 1,
  description: 'A member joined a household (keyed by the household id).',
  payload: z.object({ member: memberSnapshotSchema, areaCode: areaCodeSchema }),
});

export const MemberUpdated = defineEvent({
  topic: MEMBER_TOPIC,
  type: 'registry.member.updated',
  version: 1,
  description: "A member's facts changed; `changed` lists the fields.",
  payload: z.object({
    member: memberSnapshotSchema,
    areaCode: areaCodeSchema,
    changed: z.array(z.string()).min(1),
  }),
});

export const MemberRemoved = defineEvent({
  topic: MEMBER_TOPIC,
  type: 'registry.member.removed',
  version: 1,
  description: 'A member left the household (deceased, moved out, married out …); kept as history.',
  payload: z.object({ member: memberSnapshotSchema, areaCode: areaCodeSchema, reason: z.string() }),
});

// ---------------------------------------------------------------- villages

export const villageSnapshotSchema = z.object({
  code: areaCodeSchema,
  name: z.string(),
  townshipCode: areaCodeSchema,
  poorVillage: z.boolean(),
  poorVillageLevel: z.enum(['provincial', 'city']).nullable(),
  ruralPopulation: z.number().int().min(0),
  exited: z.boolean(),
  exitYear: z.number().int().nullable(),
});

export const VillageUpdated = defineEvent({
  topic: 'registry.village.v1',
  type: 'registry.village.updated',
  version: 1,
  description: 'Village facts (行政村) were recorded or changed.',
  payload: z.object({ village: villageSnapshotSchema, changed: z.array(z.string()) }),
});

// ---------------------------------------------------------------- exit targets

/** 脱贫目标 — how many households (and people) an area plans to lift out of poverty in a year. */
export const exitTargetSnapshotSchema = z.object({
  areaCode: areaCodeSchema,
  year: z.number().int(),
  households: z.number().int().min(0),
  people: z.number().int().min(0).nullable(),
  /** 贫困发生率 to be at or below by the year's end, percent (optional: older events lack it). */
  incidencePercent: z.number().min(0).max(100).nullable().optional(),
  /** How many poor villages are to exit in the year. */
  villages: z.number().int().min(0).nullable().optional(),
  /** Which villages are to exit in the year. */
  villageCodes: z.array(areaCodeSchema).optional(),
  revision: z.number().int().positive(),
});
export type ExitTargetSnapshot = z.infer<typeof exitTargetSnapshotSchema>;

export const ExitTargetSet = defineEvent({
  topic: 'registry.exit_target.v1',
  type: 'registry.exit_target.set',
  version: 1,
  description: "An area's exit target for a year was recorded or changed.",
  payload: z.object({ target: exitTargetSnapshotSchema }),
});

// ---------------------------------------------------------------- findings brought back

/**
 * What the registry did with a verified matching finding (核实属实的比对问题): the change it
 * opened, and later how that change ended. Keyed by the finding id.
 */
export const findingOutcomeSchema = z.enum([
  /** A member was removed (死亡) through the registry's own rules. */
  'member_removed',
  /** A 清退 workflow was opened for the household. */
  'clearance_opened',
  /** The 清退 workflow was approved: the household is cancelled. */
  'clearance_approved',
  /** The 清退 workflow was refused at one of its steps: the household stays. */
  'clearance_rejected',
  /** An identification candidate (漏评) was opened. */
  'candidate_opened',
  /** Exclusion flags were proposed for a person to confirm. */
  'exclusion_proposed',
  /** Nothing in the registry needed to change (already so, or the finding is not a registry fact). */
  'no_change',
  /** The registry refused the change; `reason` says why. */
  'refused',
]);
export type FindingOutcome = z.infer<typeof findingOutcomeSchema>;

export const FindingOutcomeRecorded = defineEvent({
  topic: 'registry.finding_outcome.v1',
  type: 'registry.finding_outcome.recorded',
  version: 1,
  description:
    'The registry acted on a verified matching finding (member removed, 清退 opened or decided, 漏评 candidate opened, no change, refused); keyed by the finding id.',
  payload: z.object({
    findingId: z.string().min(1),
    householdId: z.string().nullable(),
    memberId: z.string().nullable(),
    areaCode: areaCodeSchema,
    outcome: findingOutcomeSchema,
    /** The registry workflow opened or decided (清退, identification), when there is one. */
    workflowId: z.string().nullable(),
    reason: z.string().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
});

// ---------------------------------------------------------------- monitoring warnings

/** 防返贫预警 — raised by the registry's screening, verified by the township within a deadline. */
const MONITORING_WARNING_TOPIC = 'registry.monitoring_warning.v1';
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A fired rule of the registry's warning rule table (income_below_monitoring_line …). */
const signalCodeSchema = z.string().regex(/^[a-z][a-z_]*$/, 'a rule code');

const instant = z.iso.datetime({ offset: true });

/**
 * The end of a calendar day in Asia/Shanghai (23:59:59.999 +08:00): the deadline of a warning
 * given only its due day (the default deadline, and the one of a warning stored or published
 * before deadlines were instants).
 */
export function endOfShanghaiDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const shanghaiDayOf = (at: Date | string) =>
  new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Whether a warning decided at an instant was decided on time: at or before its deadline, an
 * instant (`dueAt`), or a due day (`YYYY-MM-DD`, as events without `dueAt` carry it) read as
 * the end of that day in Asia/Shanghai.
 */
export function warningDecidedOnTime(decidedAt: Date | string, deadline: Date | string): boolean {
  const due =
    typeof deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deadline)
      ? endOfShanghaiDay(deadline)
      : new Date(deadline);
  return new Date(decidedAt).getTime() <= due.getTime();
}

/** A payload's `dueOn` is the Asia/Shanghai day of its `dueAt` (when it has one). */
const dueOnIsTheDayOfDueAt = {
  check: (p: { dueAt?: string | undefined; dueOn: string }) =>
    p.dueAt === undefined || shanghaiDayOf(p.dueAt) === p.dueOn,
  params: { path: ['dueOn'], message: 'dueOn must be the Asia/Shanghai day of dueAt' },
};

const warningIdsSchema = z.object({
  warningId: z.string().min(1),
  householdId: z.string().min(1),
  /** The household's village. */
  areaCode: areaCodeSchema,
  townshipCode: areaCodeSchema,
});

/**
 * The deadline as an instant with its offset. Optional for the events published before deadlines
 * were instants: those are due at the end of `dueOn` in Asia/Shanghai (`endOfShanghaiDay`).
 */
const dueAtSchema = instant.optional();

export const MonitoringWarningRaised = defineEvent({
  topic: MONITORING_WARNING_TOPIC,
  type: 'registry.monitoring_warning.raised',
  version: 1,
  description:
    "A screening warned of a household at risk of falling back into poverty (防返贫预警): the rules that fired and the township's verification deadline (`dueAt`, by default the end of `dueOn` in Asia/Shanghai); keyed by the warning id. A later screening's update of an open warning publishes nothing.",
  payload: warningIdsSchema
    .extend({
      signals: z.array(signalCodeSchema).min(1),
      raisedAt: instant,
      /** The verification deadline, an instant. */
      dueAt: dueAtSchema,
      /** The deadline's calendar day in Asia/Shanghai. */
      dueOn: calendarDay,
    })
    .refine(dueOnIsTheDayOfDueAt.check, dueOnIsTheDayOfDueAt.params),
});

export const MonitoringWarningDueChanged = defineEvent({
  topic: MONITORING_WARNING_TOPIC,
  type: 'registry.monitoring_warning.due_changed',
  version: 1,
  description:
    "The county poverty office set an open warning's verification deadline (督办): the new deadline `dueAt` (later than when it was set) and its day, the one it replaced, and the reason. Keyed by the warning id.",
  payload: warningIdsSchema
    .extend({
      /** As raised (so the event alone tells the open warning's whole life). */
      raisedAt: instant,
      dueAt: instant,
      dueOn: calendarDay,
      /** The deadline it replaced. */
      previousDueAt: instant,
      reason: z.string().min(1),
      changedAt: instant,
    })
    .refine(dueOnIsTheDayOfDueAt.check, dueOnIsTheDayOfDueAt.params)
    .refine((p) => Date.parse(p.dueAt) > Date.parse(p.changedAt), {
      path: ['dueAt'],
      message: 'dueAt must be later than changedAt',
    }),
});

export const MonitoringWarningDecided = defineEvent({
  topic: MONITORING_WARNING_TOPIC,
  type: 'registry.monitoring_warning.decided',
  version: 1,
  description:
    'The township verified a warning: confirmed (the monitoring-entry workflow opened) or dismissed; `onTime` when decided at or before the deadline `dueAt` (without `dueAt`, by the end of `dueOn` in Asia/Shanghai). Keyed by the warning id.',
  payload: warningIdsSchema
    .extend({
      decision: z.enum(['confirmed', 'dismissed']),
      /** As raised (so the event alone tells the warning's whole life). */
      raisedAt: instant,
      decidedAt: instant,
      /** The deadline in force when it was decided. */
      dueAt: dueAtSchema,
      dueOn: calendarDay,
      onTime: z.boolean(),
    })
    .refine(dueOnIsTheDayOfDueAt.check, dueOnIsTheDayOfDueAt.params)
    .refine((p) => p.onTime === warningDecidedOnTime(p.decidedAt, p.dueAt ?? p.dueOn), {
      path: ['onTime'],
      message: 'onTime must say whether decidedAt is at or before dueAt (or the end of dueOn)',
    }),
});
