import { z } from 'zod';

import { fenSchema } from '../shared/money';
import {
  idFilter,
  idSchema,
  oneOrMany,
  optionalText,
  revisionSchema,
  text,
} from '../shared/schemas';
import { PROJECT_ACTIONS } from './project.machine';
import { FIVE_SYSTEMS, PROJECT_STATUSES, PROJECT_TYPES, SOURCES } from './project.model';
import { areaCode12, calendarDay } from '@fupin/kit';

const fiveSystemsInput = z.partialRecord(
  z.enum(FIVE_SYSTEMS),
  z.strictObject({ inPlace: z.boolean(), note: optionalText(500) }),
);

const beneficiariesInput = z.strictObject({
  households: z.number().int().min(0).max(1_000_000),
  people: z.number().int().min(0).max(10_000_000),
  poorHouseholdIds: z.array(idSchema).max(5000).default([]),
});

const facts = {
  name: text(200),
  type: z.enum(PROJECT_TYPES),
  year: z.number().int().min(2000).max(2100),
  areaCode: areaCode12,
  location: optionalText(200),
  contractor: optionalText(200),
  responsible: optionalText(100),
  /** 计划投资 by source, fen. */
  plannedInvestment: z.partialRecord(z.enum(SOURCES), fenSchema),
  beneficiaries: beneficiariesInput,
  fiveSystems: fiveSystemsInput,
  /** 计划开工 / 计划完工. */
  plannedStartOn: calendarDay.nullable(),
  plannedFinishOn: calendarDay.nullable(),
};

/** A plan finishing before it starts is refused on the finish day. */
const planInOrder = (v: { plannedStartOn?: string | null; plannedFinishOn?: string | null }) =>
  !v.plannedStartOn || !v.plannedFinishOn || v.plannedStartOn <= v.plannedFinishOn;
const PLAN_ORDER = {
  message: '计划完工日期不能早于计划开工日期',
  path: ['plannedFinishOn'],
};

export const projectCreateSchema = z
  .strictObject({
    code: text(40).regex(/^[\w\-./()（）\u4e00-\u9fa5]+$/, '项目编号只能含文字、数字和 - _ . /'),
    ...facts,
    plannedInvestment: facts.plannedInvestment.default({}),
    beneficiaries: beneficiariesInput.default({ households: 0, people: 0, poorHouseholdIds: [] }),
    fiveSystems: fiveSystemsInput.default({}),
    plannedStartOn: facts.plannedStartOn.optional(),
    plannedFinishOn: facts.plannedFinishOn.optional(),
    proposedOn: calendarDay.optional(),
  })
  .refine(planInOrder, PLAN_ORDER);
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectUpdateSchema = z
  .strictObject({
    name: facts.name.optional(),
    type: facts.type.optional(),
    year: facts.year.optional(),
    areaCode: facts.areaCode.optional(),
    location: facts.location,
    contractor: facts.contractor,
    responsible: facts.responsible,
    plannedInvestment: facts.plannedInvestment.optional(),
    beneficiaries: beneficiariesInput.optional(),
    fiveSystems: fiveSystemsInput.optional(),
    plannedStartOn: facts.plannedStartOn.optional(),
    plannedFinishOn: facts.plannedFinishOn.optional(),
    revision: revisionSchema,
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'nothing to change', path: ['(body)'] })
  .refine(planInOrder, PLAN_ORDER);
export type ProjectUpdate = Omit<z.infer<typeof projectUpdateSchema>, 'revision'>;

export const projectStepSchema = z.strictObject({
  action: z.enum(PROJECT_ACTIONS),
  on: calendarDay.optional(),
  note: optionalText(500),
  revision: revisionSchema.optional(),
});

export const PROJECT_DOCUMENT_KINDS = [
  'application',
  'approval',
  'tender',
  'contract',
  'supervision',
  'acceptance',
  'photo',
  'other',
] as const;

export const projectDocumentSchema = z.strictObject({
  fileId: idSchema,
  kind: z.enum(PROJECT_DOCUMENT_KINDS),
  title: text(200),
});

export const projectFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: oneOrMany(z.enum(PROJECT_STATUSES)),
  type: oneOrMany(z.enum(PROJECT_TYPES)),
  year: z.number().int().optional(),
  areaCode: areaCode12.optional(),
  townshipCode: areaCode12.optional(),
  id: idFilter,
});
export type ProjectFilter = z.infer<typeof projectFilterSchema>;

export const PROJECT_SORTABLE = [
  'code',
  'name',
  'status',
  'year',
  'areaCode',
  'plannedTotalFen',
  'money.availableFen',
  'createdAt',
] as const;
