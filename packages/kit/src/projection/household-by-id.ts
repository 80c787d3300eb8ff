import type { Principal } from '../http/auth';
import { countyWide, type ScopedRepository } from '../scoped-repository';
import type { ProjectedHousehold } from './registry-households';

const BY_ID = countyWide(
  "one household by its id alone, checked against the caller's scope after the read (an _id filter with the scope's range is a collection scan on SecantusDB)",
);

/**
 * A registered household of a service's view of the registry, by its id, when it lies in the
 * caller's scope; null for an unknown one and one outside the scope alike, so that both are
 * answered with the same 404. Read by the id alone and checked here: one `_id` lookup on every
 * server. Registered: its registration event applied (`REGISTERED_HOUSEHOLDS`), not a document
 * of members that arrived before it.
 */
export async function registeredHouseholdInScope(
  households: ScopedRepository<ProjectedHousehold>,
  p: Principal,
  id: string,
  projection?: Record<string, 0 | 1>,
): Promise<ProjectedHousehold | null> {
  const h = await households.findOne(BY_ID, { _id: id }, projection ? { projection } : {});
  return h && h.revision > 0 && households.contains(p, h) ? h : null;
}
