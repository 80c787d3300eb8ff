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

export async function projectionStatus(
  households: ScopedRepository<Household>,
  freshness: SupportFactsFreshness,
): Promise<RegistryProjectionStatus> {
  const [count, older, view] = await Promise.all([
    households.count(COUNT),
    households.count(COUNT, OLDER_DERIVATION),
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
