import { bi, freshViewCheck, type FreshViewCheck, type RecordedFreshness } from '@fupin/kit';
import type { Kafka } from 'kafkajs';

/**
 * The freshness meter of what the indicators read: the household projection and every fact,
 * one consumer group's lag over every topic it reads.
 */
export const INDICATOR_VIEW = 'assessment-indicators';

/**
 * 数据新鲜度 — where the household projection the indicators read from stood against the
 * registry when a ranking was computed (`registryPending` is null when the registry was not
 * asked: the quarterly job has no token).
 */
export type RankingViewFreshness = RecordedFreshness;

/** Answers the projection's freshness once caught up, or throws 409 ASSESSMENT_VIEW_BEHIND. */
export type RankingViewCheck = FreshViewCheck;

/**
 * A ranking is computed only on a household projection that lacks nothing the registry had
 * written: waits for it (bounded) and refuses otherwise — a manual ranking answers 409, the
 * quarterly job fails its attempt and BullMQ tries again later.
 */
export function rankingViewCheck(
  rt: { kafka: Kafka },
  opts: { registryUrl: string; maxWaitMs: number },
): RankingViewCheck {
  return freshViewCheck(rt, {
    ...opts,
    code: 'ASSESSMENT_VIEW_BEHIND',
    view: bi('考核指标（户籍与各部门事实）', 'indicator data (households and department facts)'),
    waiting: 'ranking waits for the indicator data',
    projection: INDICATOR_VIEW,
    events: bi('事件', 'events'),
  });
}
