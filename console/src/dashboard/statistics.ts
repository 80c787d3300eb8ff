import { httpClient } from '../providers/http';
import type { RegistryApi } from '../providers/api-types';

type S = RegistryApi.components['schemas'];
export type HouseholdStatistics = S['HouseholdStatistics'];
export type IncidenceRow = S['IncidenceRow'];
export type ExitYear = S['ExitYear'];
export type WarningStatistics =
  RegistryApi.operations['getMonitoringStatistics']['responses']['200']['content']['application/json'];

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

/**
 * The registry's statistics for the user's own area (the default scope of each call), as
 * data-provider methods.
 */
export const registryStatistics = {
  /** Households and people by status, cause and township. */
  registryHouseholdStatistics: () => get<HouseholdStatistics>('/statistics/households'),
  /** 贫困发生率 of each township and overall. */
  registryIncidenceByTownship: () =>
    get<{ overall: IncidenceRow; rows: IncidenceRow[] }>(
      '/statistics/poverty-incidence?level=township',
    ),
  /** Households exited per year against that year's target. */
  registryExitStatistics: () => get<{ years: ExitYear[] }>('/statistics/exits'),
  /** 防返贫监测预警 by township: open, overdue, confirmed this month … */
  registryWarningStatistics: () => get<WarningStatistics>('/monitoring/statistics'),
};
