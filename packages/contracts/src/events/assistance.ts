import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

// Assistance (帮扶) events. Payloads carry ids, codes, dates and amounts only: no helper
// phones, no visit notes (free text may name people), so any service may consume them.

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** 帮扶干部职级 — 厅级, 处级, 科级, 一般干部. */
export const helperRankSchema = z.enum([
  'department_level',
  'division_level',
  'section_level',
  'general',
]);

/** 重点帮扶 (key: the household's responsible helper) or 联系 (contact). */
export const pairingRoleSchema = z.enum(['key', 'contact']);

/** 结对帮扶 — a helper paired with a household (干部帮户). */
export const pairingSnapshotSchema = z.object({
  id: z.string().min(1),
  helperId: z.string().min(1),
  helperRank: helperRankSchema,
  householdId: z.string().min(1),
  areaCode: areaCodeSchema,
  role: pairingRoleSchema,
  startDate: calendarDay,
  endDate: calendarDay.nullable(),
  status: z.enum(['active', 'ended']),
  revision: z.number().int().positive(),
});
export type PairingSnapshot = z.infer<typeof pairingSnapshotSchema>;

const PAIRING_TOPIC = 'assistance.pairing.v1';

export const PairingCreated = defineEvent({
  topic: PAIRING_TOPIC,
  type: 'assistance.pairing.created',
  version: 1,
  description: 'A helper was paired with a household (重点帮扶 or 联系), within the rank limits.',
  payload: z.object({ pairing: pairingSnapshotSchema }),
});

export const PairingEnded = defineEvent({
  topic: PAIRING_TOPIC,
  type: 'assistance.pairing.ended',
  version: 1,
  description: 'A pairing ended (helper reassigned or left, household exited, correction).',
  payload: z.object({ pairing: pairingSnapshotSchema, reason: z.string() }),
});

/** 帮扶措施类别 — 五个一批 and the other kinds of measure. */
export const measureCategorySchema = z.enum([
  'production',
  'relocation',
  'ecological_compensation',
  'education',
  'social_security',
  'employment',
  'health',
  'housing',
  'finance',
  'in_kind',
]);
export const measureStatusSchema = z.enum(['planned', 'in_progress', 'done', 'cancelled']);

/** 帮扶措施 — one measure of a household's plan (一户一策). */
export const measureSnapshotSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),
  areaCode: areaCodeSchema,
  category: measureCategorySchema,
  type: z.string(),
  /** Money, or the value of in-kind help, in integer fen. */
  amountFen: z.number().int().min(0).nullable(),
  startDate: calendarDay.nullable(),
  endDate: calendarDay.nullable(),
  status: measureStatusSchema,
  helperId: z.string().nullable(),
  /** The funds service's project, when the measure is financed by one. */
  projectId: z.string().nullable(),
  revision: z.number().int().positive(),
});
export type MeasureSnapshot = z.infer<typeof measureSnapshotSchema>;

const MEASURE_TOPIC = 'assistance.measure.v1';

export const MeasurePlanned = defineEvent({
  topic: MEASURE_TOPIC,
  type: 'assistance.measure.planned',
  version: 1,
  description: "A measure was added to a household's plan.",
  payload: z.object({ measure: measureSnapshotSchema }),
});

export const MeasureUpdated = defineEvent({
  topic: MEASURE_TOPIC,
  type: 'assistance.measure.updated',
  version: 1,
  description: "A measure's details changed; `changed` lists the fields.",
  payload: z.object({ measure: measureSnapshotSchema, changed: z.array(z.string()).min(1) }),
});

export const MeasureStatusChanged = defineEvent({
  topic: MEASURE_TOPIC,
  type: 'assistance.measure.status_changed',
  version: 1,
  description: 'A measure moved planned → in progress → done, or was cancelled.',
  payload: z.object({
    measure: measureSnapshotSchema,
    from: measureStatusSchema,
    to: measureStatusSchema,
  }),
});

/** 走访 — a home visit as other services may know it. */
export const visitSnapshotSchema = z.object({
  id: z.string().min(1),
  householdId: z.string().min(1),
  helperId: z.string().min(1),
  areaCode: areaCodeSchema,
  /** The visit's calendar day in Asia/Shanghai. */
  date: calendarDay,
  recordedAt: z.iso.datetime({ offset: true }),
  /** Recorded more than 10 days after the visit (补录). */
  lateEntry: z.boolean(),
  photos: z.number().int().min(0),
  located: z.boolean(),
});
export type VisitSnapshot = z.infer<typeof visitSnapshotSchema>;

export const VisitRecorded = defineEvent({
  topic: 'assistance.visit.v1',
  type: 'assistance.visit.recorded',
  version: 1,
  description: 'A helper recorded a home visit (每月至少一次入户走访).',
  payload: z.object({ visit: visitSnapshotSchema }),
});
