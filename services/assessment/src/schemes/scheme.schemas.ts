import { z } from 'zod';
import { INDICATOR_CODES } from '../indicators/catalogue';

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

const indicatorInput = z.object({
  code: z.enum(INDICATOR_CODES),
  weight: z.number().positive().max(100),
  direction: z.enum(['higher', 'lower']).optional(),
  rule: z.enum(['linear', 'rank']).default('linear'),
  floor: z.number().finite().nullable().optional(),
  target: z.number().finite().nullable().optional(),
});

const unitInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(50).optional(),
});

const trackInput = z.object({
  kind: z.enum(['township', 'department']),
  units: z.array(unitInput).min(2).max(300),
  indicators: z.array(indicatorInput).min(1).max(INDICATOR_CODES.length),
});

/** `PUT /schemes/{year}`: `revision` is 0 for a year without a scheme. */
export const schemeInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  tracks: z.array(trackInput).min(1).max(2),
  revision: z.number().int().min(0),
});
export type SchemeInput = z.output<typeof schemeInputSchema>;

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
});
