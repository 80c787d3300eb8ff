import { z } from 'zod';
import { areaCodeSchema } from '../envelope';
import { defineEvent } from '../registry';

// Assessment (考核) events: the quarterly ranking once published, and the warnings it gives.
// Scores are in hundredths of a point (8750 = 87.50 out of 100).

const text = z.object({ zh: z.string(), en: z.string() });

/** 考核单位 — a township or a county department ranked by the assessment. */
export const assessedUnitSchema = z.object({
  /** `township:<area code>` or `department:<department code>`. */
  unitId: z.string().min(1),
  kind: z.enum(['township', 'department']),
  code: z.string().min(1),
  name: z.string().min(1),
  /** The township's code; the county's for a department. */
  areaCode: areaCodeSchema,
});
export type AssessedUnit = z.infer<typeof assessedUnitSchema>;

export const rankedUnitSchema = assessedUnitSchema.extend({
  scoreCenti: z.number().int().min(0).max(10_000),
  rank: z.number().int().positive(),
  tiedWith: z.array(z.string()),
  yellowCard: z.boolean(),
  consecutiveYellowCards: z.number().int().min(0),
  accountability: z.boolean(),
});

const quarterFields = {
  rankingId: z.string().regex(/^\d{4}-Q[1-4]-v\d+$/),
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  version: z.number().int().positive(),
};

export const AssessmentRankingPublished = defineEvent({
  topic: 'assessment.ranking.v1',
  type: 'assessment.ranking.published',
  version: 1,
  description:
    'A quarterly ranking (季度排名) was published: every ranked unit with its score, rank, yellow card and accountability flag. A recomputation publishes a new version that supersedes the previous one (keyed by `<year>-Q<quarter>`).',
  payload: z.object({
    ...quarterFields,
    trigger: z.enum(['schedule', 'manual', 'recompute']),
    reason: z.string().nullable(),
    supersedes: z.string().nullable(),
    computedAt: z.iso.datetime({ offset: true }),
    lateEvents: z.number().int().min(0),
    tracks: z.array(
      z.object({ kind: z.enum(['township', 'department']), units: z.array(rankedUnitSchema) }),
    ),
  }),
});

export const warningLevelSchema = z.enum(['yellow_card', 'accountability']);

export const AssessmentWarningIssued = defineEvent({
  topic: 'assessment.warning.v1',
  type: 'assessment.warning.issued',
  version: 1,
  description:
    'A unit got a yellow-card warning (预黄牌, last place of its track) or, after two consecutive quarters of yellow cards, an accountability flag (问责) — keyed by the unit id.',
  payload: z.object({
    ...quarterFields,
    unit: assessedUnitSchema,
    level: warningLevelSchema,
    rank: z.number().int().positive(),
    of: z.number().int().positive(),
    scoreCenti: z.number().int().min(0).max(10_000),
    consecutiveYellowCards: z.number().int().min(1),
    reason: text,
  }),
});

export const AssessmentWarningWithdrawn = defineEvent({
  topic: 'assessment.warning.v1',
  type: 'assessment.warning.withdrawn',
  version: 1,
  description:
    'A recomputed version of a ranking no longer gives a unit the warning the version it supersedes gave.',
  payload: z.object({
    ...quarterFields,
    supersededRankingId: z.string(),
    unit: assessedUnitSchema,
    level: warningLevelSchema,
    reason: text,
  }),
});
