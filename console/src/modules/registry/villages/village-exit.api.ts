import type { RegistryApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';

type S = RegistryApi.components['schemas'];
export type VillageExit = S['VillageExit'];
export type VillageExitRun = S['VillageExitRun'];
export type VillageExitStep = S['VillageExitStep'];
export type VillageExitStepRequest = S['VillageExitStepRequest'];
export type VillageExitAction = VillageExitStepRequest['action'];
export type VillageExitConditions = S['VillageExitConditions'];
export type ExitProgress = S['ExitProgress'];
export type ConditionCheck = S['ConditionCheck'];

export interface ExitConditionsRequest {
  incidence: { enabled: boolean; thresholdPercent: number | null };
  infrastructure: Record<string, { enabled: boolean }>;
  reason: string;
  version: number;
}

const BASE = '/api/registry';

async function call<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  const { json } = await httpClient(
    `${BASE}${path}`,
    init ? { method: init.method, body: JSON.stringify(init.body) } : undefined,
  );
  return json as T;
}

/** 贫困村退出: the steps on a village, the county's conditions and the targets' progress. */
export const villageExitCalls = {
  villageExit: (code: string) => call<VillageExit>(`/villages/${code}/exit`),
  villageExitStep: (code: string, body: VillageExitStepRequest) =>
    call<VillageExit>(`/villages/${code}/exit/steps`, { method: 'POST', body }),
  villageExitRecord: (
    code: string,
    body: { year: number; reason: string; evidence: string[]; revision?: number },
  ) => call<VillageExit>(`/villages/${code}/exit/record`, { method: 'POST', body }),
  villageExitConditions: () => call<VillageExitConditions>('/village-exit-conditions'),
  villageExitConditionVersions: () =>
    call<VillageExitConditions[]>('/village-exit-conditions/versions'),
  setVillageExitConditions: (county: string, body: ExitConditionsRequest) =>
    call<VillageExitConditions>(`/village-exit-conditions/${county}`, { method: 'PUT', body }),
  exitProgress: () => call<ExitProgress>('/statistics/exit-progress'),
};
