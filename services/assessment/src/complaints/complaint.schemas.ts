import { areaCode12, calendarDay, zmsg } from '@fupin/kit';
import {
  codesOf,
  ComplaintChannel,
  ComplaintSatisfaction,
  ComplaintStatus,
  ComplaintSubject,
  Department,
  isAreaCode,
} from '@fupin/reference';
import { z } from 'zod';

/** `township:<area code>` or `department:<department code>`, as the ranked units are named. */
export const unitIdSchema = z
  .string()
  .max(64)
  .refine(
    (v) => {
      const [kind, code = ''] = v.split(':');
      if (kind === 'township') return isAreaCode(code);
      return kind === 'department' && Object.prototype.hasOwnProperty.call(Department, code);
    },
    zmsg(
      '承办单位应为 township:<区划代码> 或 department:<部门代码>',
      'expected township:<area code> or department:<department code>',
    ),
  );

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, zmsg('电话号码格式不正确', 'not a phone number'));

export const complaintCreateSchema = z.object({
  receivedOn: calendarDay,
  channel: z.enum(codesOf(ComplaintChannel)),
  /** Omitted or null: 匿名 (anonymous). */
  complainantName: text(40).nullish(),
  complainantPhone: phone.nullish(),
  areaCode: areaCode12,
  subject: z.enum(codesOf(ComplaintSubject)),
  text: text(4000),
  householdId: z.string().min(1).max(64).nullish(),
  unitId: unitIdSchema.nullish(),
  /** Defaults to the county's deadline rule from the day received. */
  dueOn: calendarDay.nullish(),
});
export type ComplaintCreateInput = z.infer<typeof complaintCreateSchema>;

const revision = z.number().int().min(1);

export const complaintAssignSchema = z.object({
  unitId: unitIdSchema,
  dueOn: calendarDay.nullish(),
  revision,
});
export type ComplaintAssignInput = z.infer<typeof complaintAssignSchema>;

export const complaintAnswerSchema = z.object({
  text: text(4000),
  /** Defaults to today (Asia/Shanghai). */
  answeredOn: calendarDay.nullish(),
  revision,
});
export type ComplaintAnswerInput = z.infer<typeof complaintAnswerSchema>;

export const complaintSatisfactionSchema = z.object({
  satisfaction: z.enum(codesOf(ComplaintSatisfaction)),
  revision,
});

export const complaintReopenSchema = z.object({
  reason: text(500),
  dueOn: calendarDay.nullish(),
  revision,
});
export type ComplaintReopenInput = z.infer<typeof complaintReopenSchema>;

export const COMPLAINT_SORTABLE = ['receivedOn', 'dueOn', 'complaintNo', 'updatedAt'] as const;

const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).max(20)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const complaintFilterSchema = z.object({
  status: oneOrMany(z.enum(codesOf(ComplaintStatus))).optional(),
  channel: oneOrMany(z.enum(codesOf(ComplaintChannel))).optional(),
  subject: oneOrMany(z.enum(codesOf(ComplaintSubject))).optional(),
  unitId: unitIdSchema.optional(),
  area: areaCode12.optional(),
  householdId: z.string().min(1).max(64).optional(),
  /** true: not answered and past the due day. */
  overdue: z.literal(true).optional(),
  id: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>;

/** The period received in; by default from the year's first day to today. */
export const unitCountsQuerySchema = z
  .object({ from: calendarDay.optional(), to: calendarDay.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: zmsg('起始日期不能晚于截止日期', 'from must not be after to'),
    path: ['to'],
  });
