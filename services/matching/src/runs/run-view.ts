import { bi, freshViewCheck, type FreshViewCheck } from '@fupin/kit';
import type { Kafka } from 'kafkajs';

/** Answers the person index's freshness once it is caught up, or throws 409 MATCHING_VIEW_BEHIND. */
export type RunViewCheck = FreshViewCheck;

/**
 * A run is started only on a person index (derived with the household projection) that lacks
 * nothing the registry had written: it waits for it, bounded, and is refused otherwise.
 */
export function runViewCheck(
  rt: { kafka: Kafka },
  opts: { registryUrl: string; maxWaitMs: number },
): RunViewCheck {
  return freshViewCheck(rt, {
    ...opts,
    code: 'MATCHING_VIEW_BEHIND',
    view: bi('人员索引', 'person index'),
    waiting: 'run start waits for the person index',
  });
}
