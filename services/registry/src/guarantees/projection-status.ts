import { countyWide, type ScopedRepository, type ViewFreshness } from '@fupin/kit';
import { OLDER_DERIVATION } from '../guarantee-derivation-start';
import { GUARANTEE_DERIVATION_VERSION } from '../households/guarantee.rules';
import type { Household } from '../households/household.model';
import type { SupportFactsFreshness } from './support-freshness';

const COUNT = countyWide('the projection status counts every household of the registry');

/** `GET /projection/status` of the registry: what its derived guarantees are derived from. */
export interface RegistryProjectionStatus {
  /** The registry's view of other services' events: support's enrollment, dropout, coverage. */
  projection: 'support-facts';
  households: number;
  /** When this instance last applied a support event. */
  lastProjectedAt: Date | null;
  /** The consumer's lag (Kafka; `registryPending` null: support's outbox is not asked). */
  freshness: ViewFreshness | null;
  /** Households still derived by an older version (re-derived in the background at start). */
  guaranteeDerivation: { version: number; olderHouseholds: number };
}

/** The count of older households reads every household (no index): at most once a minute. */
const OLDER_COUNT_TTL_MS = 60_000;

/** The status route's reader: the older households' count kept for a minute (polled by the demo). */
export function projectionStatusOf(
  households: ScopedRepository<Household>,
  freshness: SupportFactsFreshness,
): () => Promise<RegistryProjectionStatus> {
  let older: { at: number; count: Promise<number> } | null = null;
  const olderCount = () => {
    if (!older || Date.now() - older.at > OLDER_COUNT_TTL_MS) {
      // A real promise (the repository's count may be a query, run once per await).
      const count = (async () => households.count(COUNT, OLDER_DERIVATION))();
      // A failed count is asked again next time, not kept.
      count.catch(() => (older = null));
      older = { at: Date.now(), count };
    }
    return older.count;
  };
  return () => projectionStatus(households, freshness, olderCount);
}

export async function projectionStatus(
  households: ScopedRepository<Household>,
  freshness: SupportFactsFreshness,
  olderCount: () => Promise<number> = () => households.count(COUNT, OLDER_DERIVATION),
): Promise<RegistryProjectionStatus> {
  const [count, older, view] = await Promise.all([
    households.count(COUNT),
    olderCount(),
    freshness.view(),
  ]);
  return {
    projection: 'support-facts',
    households: count,
    lastProjectedAt: freshness.lastAppliedAt,
    freshness: view && { ...view, lastAppliedAt: freshness.lastAppliedAt },
    guaranteeDerivation: { version: GUARANTEE_DERIVATION_VERSION, olderHouseholds: older },
  };
}
