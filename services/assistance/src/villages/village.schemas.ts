import { codesOf, Department } from '@fupin/reference';
import { z } from 'zod';
import { calendarDay, id, reasonSchema, requiredText, revision, text } from '../common/schemas';
import { ASSIGNMENT_KINDS, TEAM_ROLES } from './village-assignment.model';
import { areaCode12 } from '@fupin/kit';

export const assignmentCreateSchema = z.strictObject({
  kind: z.enum(ASSIGNMENT_KINDS),
  areaCode: areaCode12,
  helperId: id.nullish(),
  personName: text(50).min(1).nullish(),
  position: text(50).nullish(),
  unit: text(100).min(1).nullish(),
  department: z.enum(codesOf(Department)).nullish(),
  startDate: calendarDay.optional(),
  endDate: calendarDay.nullish(),
});

export const endSchema = z.strictObject({
  reason: reasonSchema,
  endDate: calendarDay.optional(),
  revision,
});

export const assignmentFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  kind: z.enum(ASSIGNMENT_KINDS).optional(),
  status: z.enum(['active', 'ended']).optional(),
  helperId: id.optional(),
});

const memberSchema = z.strictObject({
  id: id.optional(),
  name: text(50).min(1).optional(),
  helperId: id.nullish(),
  role: z.enum(TEAM_ROLES),
  unit: text(100).nullish(),
  from: calendarDay.optional(),
  to: calendarDay.nullish(),
});

export const workTeamCreateSchema = z.strictObject({
  areaCode: areaCode12,
  name: text(100).nullish(),
  unit: requiredText(100),
  termStart: calendarDay.optional(),
  termEnd: calendarDay.nullish(),
  members: z.array(memberSchema).max(30),
});

export const workTeamUpdateSchema = workTeamCreateSchema
  .omit({ areaCode: true })
  .partial()
  .extend({ revision });

export const workTeamFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  status: z.enum(['active', 'ended']).optional(),
});
