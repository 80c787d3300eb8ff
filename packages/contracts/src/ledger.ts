import { z } from 'zod';

// 受益底册 — every benefit a household received, by year and source (issue 23, item 2). Each
// service that pays or records a benefit serves its own rows at `GET /ledger/benefits` (its read
// right, the caller's area scope); the gateway assembles them per household, village or township,
// exports them, and lists where the assistance measures and the funds' payments disagree.

export const BENEFIT_SOURCES = ['assistance', 'funds', 'support'] as const;
export type BenefitSource = (typeof BENEFIT_SOURCES)[number];

const bilingualSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const benefitRowSchema = z.object({
  /** The service's own id of the record (unique within the source). */
  id: z.string().min(1),
  source: z.enum(BENEFIT_SOURCES),
  /**
   * What the benefit is: `education_subsidy`, `tuition_waiver`, `medical_top_up` (support);
   * `measure` (assistance, a 帮扶措施 with an amount); `payment` (funds, a disbursement line to the
   * household), `loan`, `loan_discount` (贴息) (funds).
   */
  kind: z.string().min(1),
  householdId: z.string().min(1),
  /** The household's village when recorded (12 digits). */
  areaCode: z.string().regex(/^\d{12}$/),
  year: z.number().int().min(2000).max(2100),
  /** The day it was paid or granted (`YYYY-MM-DD`), null while only recorded. */
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  amountFen: z.number().int(),
  /** `paid` (money reached the household), `granted` (a loan), `recorded` (planned, not yet paid). */
  status: z.enum(['paid', 'granted', 'recorded']),
  label: bilingualSchema,
  /** The funds project it is paid from or belongs to, when known (the ledger's cross-check). */
  projectId: z.string().nullable(),
  /** The member it is for, when it is for one (a student, a patient), by the registry's member id. */
  memberId: z.string().nullable(),
  ref: z.object({ resource: z.string().min(1), id: z.string().min(1) }).optional(),
});
export type BenefitRow = z.infer<typeof benefitRowSchema>;
