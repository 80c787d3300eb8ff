import { awaitFreshView, bi, type RegistryAccess, viewMeterOf } from '@fupin/kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * 数据新鲜度 — where the household projection the indicators read from stood against the
 * registry when a ranking was computed.
 */
export interface RankingViewFreshness {
  projection: string;
  behind: number;
  registryPosition: number;
  appliedPosition: number;
  /** Events in the registry's outbox; null when it was not asked (the quarterly job has no token). */
  registryPending: number | null;
  registryPeople: number | null;
  registryHouseholds: number | null;
  lastAppliedAt: Date | null;
  measuredAt: Date;
  upToDate: boolean;
  waitedMs: number;
}

/** Answers the projection's freshness once caught up, or throws 409 ASSESSMENT_VIEW_BEHIND. */
export type RankingViewCheck = (
  authorization: string | undefined,
) => Promise<RankingViewFreshness | null>;

const PROJECTION = bi('户籍投影', 'household projection');

/**
 * A ranking is computed only on a household projection that lacks nothing the registry had
 * written: waits for it (bounded) and refuses otherwise — a manual ranking answers 409, the
 * quarterly job fails its attempt and BullMQ tries again later. Null when this instance does
 * not consume the registry's events.
 */
export function rankingViewCheck(
  rt: { kafka: Kafka },
  opts: { registryUrl: string; maxWaitMs: number; logger: Logger },
): RankingViewCheck {
  return async (authorization) => {
    const meter = viewMeterOf(rt, 'registry-households');
    if (!meter) return null;
    const access: RegistryAccess = { registryUrl: opts.registryUrl, authorization };
    const f = await awaitFreshView(meter, access, {
      code: 'ASSESSMENT_VIEW_BEHIND',
      view: PROJECTION,
      maxWaitMs: opts.maxWaitMs,
      onProgress: (p) =>
        opts.logger.info(
          { behind: p.behind, applied: p.appliedPosition, of: p.registryPosition },
          'ranking waits for the household projection',
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
