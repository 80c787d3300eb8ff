import type { AuditLog } from '@fupin/kit';
import { codesOf, SchoolStage } from '@fupin/reference';
import type { Request } from 'express';
import { z } from 'zod';
import { parseFilter } from '../http';
import type { DropoutService } from './dropout.service';
import { SubsidyType } from './education.reference';
import type { StudentService } from './student.service';
import type { SubsidyService } from './subsidy.service';

// Input pieces the education routes share.

/** What the education routes call. */
export interface EducationRouteDeps {
  students: StudentService;
  subsidies: SubsidyService;
  dropouts: DropoutService;
  audit: AuditLog;
  now: () => Date;
}

export const stage = z.enum(codesOf(SchoolStage));
export const subsidyType = z.enum(codesOf(SubsidyType));
export const text = (max: number) => z.string().trim().min(1).max(max);
export const grade = z.number().int().min(1).max(12);
export const revision = z.number().int().positive().optional();

/** An export's filter, from the query string. */
export const filterOf = <F extends z.ZodType>(req: Request, schema: F) =>
  parseFilter(req.query as Record<string, unknown>, schema);
