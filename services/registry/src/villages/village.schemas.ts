import { areaCode12, calendarDay, zmsg } from '@fupin/kit';
import { z } from 'zod';
import { INFRASTRUCTURE } from './village.model';

const year = z.number().int().min(2000).max(2100);
const count = z.number().int().min(0).max(10_000_000);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, zmsg(`不能超过${max}个字符`, `at most ${max} characters`));
const name = (max: number) => text(max).min(1, zmsg('不能为空', 'is required'));

const infraItem = z.strictObject({ inPlace: z.boolean(), note: text(200).nullish() });

/**
 * The typed-in village facts. Strict: registered poor households and people and the poverty
 * incidence are computed from the households and cannot be sent.
 */
export const villageUpdateSchema = z.strictObject({
  groups: z
    .array(z.strictObject({ no: z.number().int().min(1).max(999), name: name(50) }))
    .max(999)
    .optional(),
  totalHouseholds: count.nullish(),
  ruralPopulation: count.nullish(),
  poorVillage: z.boolean().optional(),
  poorVillageLevel: z.enum(['provincial', 'city']).nullish(),
  exited: z.boolean().optional(),
  exitYear: year.nullish(),
  infrastructure: z
    .strictObject(
      Object.fromEntries(INFRASTRUCTURE.map((k) => [k, infraItem.optional()])) as Record<
        (typeof INFRASTRUCTURE)[number],
        z.ZodOptional<typeof infraItem>
      >,
    )
    .optional(),
  firstSecretary: z
    .strictObject({
      name: name(50),
      unit: text(100).nullish(),
      since: calendarDay.nullish(),
    })
    .nullish(),
  workTeam: z
    .strictObject({
      unit: text(100).nullish(),
      leader: text(50).nullish(),
      members: z.array(name(50)).max(50).optional(),
    })
    .nullish(),
  revision: z.number().int().min(0).optional(),
});

export const villageFilterSchema = z.strictObject({
  q: text(50).optional(),
  townshipCode: areaCode12.optional(),
  poorVillage: z.boolean().optional(),
  exited: z.boolean().optional(),
  id: z
    .union([areaCode12, z.array(areaCode12).max(500)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});

export const exitTargetBodySchema = z.strictObject({
  households: count,
  people: count.nullish(),
  /** 贫困发生率 to be at or below by the year's end, percent (e.g. 1.5). */
  incidencePercent: z.number().min(0).max(100).nullish(),
  /** How many poor villages are to exit in the year. */
  villages: count.nullish(),
  /** Which villages are to exit in the year. */
  villageCodes: z.array(areaCode12).max(1000).optional(),
  revision: z.number().int().min(0).optional(),
});

export const exitTargetFilterSchema = z.strictObject({
  areaCode: areaCode12.optional(),
  year: year.optional(),
});

export const exitTargetParams = z.object({
  areaCode: areaCode12,
  year: z.coerce.number().int().min(2000).max(2100),
});

const queryYear = z.coerce.number().int().min(2000).max(2100);

export const statisticsQuerySchema = z.strictObject({ area: areaCode12.optional() });
export const incidenceQuerySchema = z.strictObject({
  area: areaCode12.optional(),
  level: z.enum(['village', 'township']).default('village'),
});
export const exitsQuerySchema = z
  .strictObject({
    area: areaCode12.optional(),
    from: queryYear.optional(),
    to: queryYear.optional(),
  })
  .refine(
    (q) => q.from === undefined || q.to === undefined || (q.from <= q.to && q.to - q.from <= 50),
    {
      message: zmsg(
        '起止年度无效（from ≤ to，跨度不超过50年）',
        'from must be ≤ to, at most 50 years apart',
      ),
      path: ['to'],
    },
  );

export const snapshotQuerySchema = z.strictObject({
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  area: areaCode12.optional(),
});
