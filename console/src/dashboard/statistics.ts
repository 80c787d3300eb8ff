import { httpClient } from '../providers/http';
import type { RegistryApi } from '../providers/api-types';

type S = RegistryApi.components['schemas'];
export type HouseholdStatistics = S['HouseholdStatistics'];
export type IncidenceRow = S['IncidenceRow'];
export type ExitYear = S['ExitYear'];

const recent = new Map<string, { at: number; value: Promise<unknown> }>();

/** Several cards read the same figures: one request serves them all for a few seconds. */
function get<T>(path: string): Promise<T> {
  const hit = recent.get(path);
  if (hit && Date.now() - hit.at < 5000) return hit.value as Promise<T>;
  const value = httpClient(`/api/registry${path}`).then((r) => r.json as T);
  recent.set(path, { at: Date.now(), value });
  value.catch(() => recent.delete(path));
  return value;
}

/** The registry's statistics for the user's own area (the default scope of each call). */
export const registryStatistics = {
  households: () => get<HouseholdStatistics>('/statistics/households'),
  incidenceByTownship: () =>
    get<{ overall: IncidenceRow; rows: IncidenceRow[] }>(
      '/statistics/poverty-incidence?level=township',
    ),
  exits: () => get<{ years: ExitYear[] }>('/statistics/exits'),
};
