import { type AuditLog, parseListQuery } from '@fupin/kit';
import type { Request } from 'express';
import { z } from 'zod';
import type { CareService } from './care.service';
import { INSURANCE_KINDS } from './coverage.rules';
import type { EpisodeService } from './episode.service';
import type { InsuranceService } from './insurance.service';

// Input pieces the health routes share.

/** What the health routes call. */
export interface HealthRouteDeps {
  insurance: InsuranceService;
  episodes: EpisodeService;
  care: CareService;
  audit: AuditLog;
  now: () => Date;
}

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const revision = z.number().int().positive().optional();
export const kind = z.enum(INSURANCE_KINDS);

export const list = <F extends z.ZodType>(
  req: Request,
  sortable: string[],
  defaultSort: [string, 'ASC' | 'DESC'],
  filter: F,
) => parseListQuery(req.query as Record<string, unknown>, { sortable, defaultSort, filter });
