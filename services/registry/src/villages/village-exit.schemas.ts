import { areaCode12, zmsg } from '@fupin/kit';
import { z } from 'zod';
import { INFRASTRUCTURE } from './village.model';
import { VILLAGE_EXIT_ACTIONS } from './village-exit.types';

/** Request schemas of the village exit, its conditions and the targets' progress. */

const year = z.number().int().min(2000).max(2100);
const reason = z
  .string()
  .trim()
  .min(2, zmsg('请填写理由（至少2个字）', 'give the reason (at least 2 characters)'))
  .max(500, zmsg('不能超过500个字符', 'at most 500 characters'));
/** References to the evidence (document numbers, file ids, links), not the files themselves. */
const evidence = z.array(z.string().trim().min(1).max(500)).max(20);

export const villageExitStepSchema = z.strictObject({
  action: z.enum(VILLAGE_EXIT_ACTIONS),
  reason,
  evidence: evidence.optional(),
  year: year.optional(),
  votes: z
    .strictObject({
      for: z.number().int().min(0),
      against: z.number().int().min(0),
      abstain: z.number().int().min(0).optional(),
    })
    .optional(),
  revision: z.number().int().min(0).optional(),
});

export const villageExitRecordSchema = z.strictObject({
  year,
  reason,
  evidence: evidence.min(1, zmsg('须附审定文件', 'the approval document is required')),
  revision: z.number().int().min(0).optional(),
});

export const exitConditionsBodySchema = z.strictObject({
  incidence: z.strictObject({
    enabled: z.boolean(),
    /** null follows the national rule (2%, 3% in the western provinces). */
    thresholdPercent: z.number().gt(0).max(100).nullable(),
  }),
  infrastructure: z
    .strictObject(
      Object.fromEntries(
        INFRASTRUCTURE.map((k) => [k, z.strictObject({ enabled: z.boolean() }).optional()]),
      ) as Record<
        (typeof INFRASTRUCTURE)[number],
        z.ZodOptional<z.ZodObject<{ enabled: z.ZodBoolean }>>
      >,
    )
    .default({}),
  reason,
  version: z.number().int().min(0).optional(),
});

export const exitConditionsQuerySchema = z.strictObject({ area: areaCode12.optional() });
export const exitConditionsParams = z.object({ areaCode: areaCode12 });

export const exitProgressQuerySchema = z.strictObject({
  area: areaCode12.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
