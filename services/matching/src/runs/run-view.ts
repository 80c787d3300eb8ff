import { awaitFreshView, bi, type RegistryAccess, viewMeterOf } from '@fupin/kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { RunViewFreshness } from './run.model';

/** The view a run reads: the person index, derived with the household projection. */
const PERSON_INDEX = bi('人员索引', 'person index');

/** Answers the index's freshness once it is caught up, or throws 409 MATCHING_VIEW_BEHIND. */
export type RunViewCheck = (
  authorization: string | undefined,
  log: Logger,
) => Promise<RunViewFreshness | null>;

/**
 * A run is started only on a person index that lacks nothing the registry had written: the
 * start measures (the registry asked with the caller's token), waits while the index catches
 * up — at most `maxWaitMs`, logging the progress — and refuses with the lag otherwise. Null
 * when this instance does not consume the registry's events (a tool reading stored data).
 */
export function runViewCheck(
  rt: { kafka: Kafka },
  opts: { registryUrl: string; maxWaitMs: number },
): RunViewCheck {
  return async (authorization, log) => {
    const meter = viewMeterOf(rt, 'registry-households');
    if (!meter) return null;
    const access: RegistryAccess = { registryUrl: opts.registryUrl, authorization };
    const f = await awaitFreshView(meter, access, {
      code: 'MATCHING_VIEW_BEHIND',
      view: PERSON_INDEX,
      maxWaitMs: opts.maxWaitMs,
      onProgress: (p) =>
        log.info(
          { behind: p.behind, applied: p.appliedPosition, of: p.registryPosition },
          'run start waits for the person index',
        ),
    });
    return {
      projection: f.projection,
      behind: f.behind,
      registryPosition: f.registryPosition,
      appliedPosition: f.appliedPosition,
      registryPending: f.registryPending,
      registryPeople: f.registryPeople,
      registryHouseholds: f.registryHouseholds,
      lastAppliedAt: f.lastAppliedAt,
      measuredAt: f.measuredAt,
      upToDate: f.upToDate,
      waitedMs: f.waitedMs,
    };
  };
}
