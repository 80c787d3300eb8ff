import { areaCodeDigits, calendarDay, zmsg } from '@fupin/kit';
import {
  codesOf,
  DisabilityGrade,
  EducationLevel,
  Ethnicity,
  HealthStatus,
  LabourCapacity,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
} from '@fupin/reference';
import { z } from 'zod';
import { GUARANTEE_STATES, GUARANTEES, HOUSEHOLD_STATUSES } from './household.model';

/** Request schemas of the household API; the same shapes back the Excel import. */

const year = z.number().int().min(2000).max(2100);
const fen = z.number().int().min(0).max(1e12);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, zmsg(`不能超过${max}个字符`, `at most ${max} characters`));
const date = calendarDay;
const phone = z
  .string()
  .trim()
  .regex(
    /^(\+?86[- ]?)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/,
    zmsg('电话号码格式不正确', 'not a valid phone number'),
  );
const bankAccount = z
  .string()
  .trim()
  .regex(/^\d{12,30}$/, zmsg('银行账号应为12–30位数字', 'a bank account is 12–30 digits'));

export const memberInputSchema = z.strictObject({
  name: text(50).min(1, zmsg('姓名不能为空', 'name is required')),
  idNumber: z.string().min(1, zmsg('身份证号不能为空', 'ID number is required')).max(40),
  relation: z.enum(codesOf(Relation)),
  sex: z.enum(['male', 'female']).nullish(),
  birthDate: date.nullish(),
  ethnicity: z.enum(codesOf(Ethnicity)).nullish(),
  educationLevel: z.enum(codesOf(EducationLevel)).nullish(),
  inSchool: z.boolean().optional(),
  schoolStage: z.enum(codesOf(SchoolStage)).nullish(),
  health: z.enum(codesOf(HealthStatus)).nullish(),
  disabilityGrade: z.enum(codesOf(DisabilityGrade)).nullish(),
  labourCapacity: z.enum(codesOf(LabourCapacity)).nullish(),
  migrantWork: z
    .strictObject({
      working: z.boolean(),
      place: text(100).nullish(),
      months: z.number().int().min(0).max(12).nullish(),
    })
    .optional(),
  medicalInsurance: z.boolean().optional(),
  pensionInsurance: z.boolean().optional(),
  minimumAllowance: z.boolean().optional(),
  destituteSupport: z.boolean().optional(),
  phone: phone.nullish(),
});

export const memberPatchSchema = memberInputSchema
  .omit({ idNumber: true })
  .partial()
  .extend({ revision: z.number().int().positive().optional() });

/**
 * A stated guarantee: `{state: met|not_met|unknown, reason?, note?}`, or the old `{met, note?}`
 * (met true → typed met). A reason lets the typed value override what the facts derive.
 */
const guaranteeSchema = z.union([
  z.strictObject({
    state: z.enum(GUARANTEE_STATES),
    reason: text(500).nullish(),
    note: text(200).nullish(),
  }),
  z.strictObject({ met: z.boolean(), note: text(200).nullish(), reason: text(500).nullish() }),
]);

/** An override of one guarantee (PUT /households/{id}/guarantees/{code}): a reason is required. */
export const guaranteeOverrideSchema = z.strictObject({
  state: z.enum(GUARANTEE_STATES),
  reason: z
    .string(zmsg('请填写认定理由', 'A reason is required'))
    .trim()
    .min(2, zmsg('理由至少2个字', 'The reason needs at least 2 characters'))
    .max(500),
  note: text(200).nullish(),
  revision: z.number().int().positive().optional(),
});

/** Clearing an override (back to what the facts derive), with a reason. */
export const guaranteeClearSchema = z.strictObject({
  reason: guaranteeOverrideSchema.shape.reason,
  revision: z.number().int().positive().optional(),
});

export const incomeSchema = z.strictObject({
  year,
  wagesFen: fen,
  productionFen: fen,
  propertyFen: fen,
  transferFen: fen,
});

export const householdFactsSchema = z.strictObject({
  address: text(200).optional(),
  groupNo: z.number().int().min(1).max(999).nullish(),
  phone: phone.nullish(),
  bankName: text(50).nullish(),
  bankAccount: bankAccount.nullish(),
  attribute: z.enum(codesOf(PovertyAttribute)).nullish(),
  mainCause: z.enum(codesOf(PovertyCause)).nullish(),
  otherCauses: z
    .array(z.enum(codesOf(PovertyCause)))
    .max(11)
    .optional(),
  guarantees: z
    .strictObject(
      Object.fromEntries(GUARANTEES.map((g) => [g, guaranteeSchema.optional()])) as Record<
        (typeof GUARANTEES)[number],
        z.ZodOptional<typeof guaranteeSchema>
      >,
    )
    .optional(),
  housingGrade: z.enum(['A', 'B', 'C', 'D']).nullish(),
  identificationYear: year.nullish(),
  exitYear: year.nullish(),
  partyMember: z.boolean().optional(),
  income: incomeSchema.nullish(),
});

export const householdCreateSchema = householdFactsSchema.extend({
  householdNo: z
    .string()
    .trim()
    .regex(
      /^[0-9A-Za-z-]{4,32}$/,
      zmsg(
        '户编号应为4–32位字母、数字或连字符',
        'a household number is 4–32 letters, digits or hyphens',
      ),
    ),
  areaCode: areaCodeDigits,
  /** Registering an existing record states its status (needs registry:approve); otherwise `candidate`. */
  status: z.enum(HOUSEHOLD_STATUSES).optional(),
  members: z
    .array(memberInputSchema)
    .min(1, zmsg('至少需要一名家庭成员', 'at least one member'))
    .max(30),
});

export const householdUpdateSchema = householdFactsSchema.extend({
  revision: z.number().int().positive().optional(),
});

const statusSchema = z.enum(HOUSEHOLD_STATUSES);
const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).max(20)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

/** List filter: strict (no operators), typed values only. */
export const householdFilterSchema = z.strictObject({
  area: areaCodeDigits.optional(),
  status: oneOrMany(statusSchema).optional(),
  attribute: z.enum(codesOf(PovertyAttribute)).optional(),
  cause: z.enum(codesOf(PovertyCause)).optional(),
  mainCause: z.enum(codesOf(PovertyCause)).optional(),
  identificationYear: year.optional(),
  exitYear: year.optional(),
  guaranteeUnmet: z.enum([...GUARANTEES, 'any']).optional(),
  perCapitaMinFen: fen.optional(),
  perCapitaMaxFen: fen.optional(),
  belowPovertyLine: z.boolean().optional(),
  memberName: text(50).optional(),
  idNumber: z.string().max(40).optional(),
  q: text(50).optional(),
  id: oneOrMany(z.string().max(64)).optional(),
});

export const HOUSEHOLD_SORTABLE = [
  'householdNo',
  'headName',
  'areaCode',
  'status',
  'size',
  'perCapitaIncomeFen',
  'identificationYear',
  'exitYear',
  'updatedAt',
  'createdAt',
] as const;

export const unmaskQuerySchema = z.object({
  unmask: z.enum(['true', 'false']).optional(),
  reason: z.string().max(200).optional(),
});

export const removeMemberSchema = z.strictObject({
  reason: text(200).min(2, zmsg('请填写移除原因', 'give the reason')),
  revision: z.number().int().positive().optional(),
});

/** 户主变更: who becomes the head, the former head's relation from now on, and why. */
export const headChangeSchema = z.strictObject({
  memberId: z.string().min(1).max(64),
  formerHeadRelation: z.enum(codesOf(Relation)).nullish(),
  reason: text(200).min(2, zmsg('请填写变更原因', 'give the reason')),
  revision: z.number().int().positive().optional(),
});

export { date };
