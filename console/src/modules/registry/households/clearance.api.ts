import type { RegistryApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';
import type { HouseholdWorkflows } from './household.api';

type S = RegistryApi.components['schemas'];
type O = RegistryApi.operations;
export type ExclusionProposal = S['ExclusionProposal'];
export type CandidateLead = S['CandidateLead'];
/** 告知与答复 on a 清退 opened for a finding: the notice given and the answer, if any. */
export type HouseholdNotice = NonNullable<S['WorkflowRun']['householdNotice']>;
export type NoticeChannel = HouseholdNotice['channel'];
export type HouseholdNoticeRequest =
  O['giveHouseholdNotice']['requestBody']['content']['application/json'];
export type HouseholdResponseRequest =
  O['recordHouseholdResponse']['requestBody']['content']['application/json'];

const json = async <T>(url: string, init?: RequestInit): Promise<T> =>
  (await httpClient(url, init)).json as T;
const enc = encodeURIComponent;

/** 清退 and its findings: exclusion proposals decided, 漏评 leads dismissed (registryCalls). */
export const clearanceCalls = {
  /** 确认 / 驳回 an exclusion proposed from a matching finding, with the reason. */
  householdDecideExclusion: (
    id: string,
    findingId: string,
    body: { decision: 'confirm' | 'dismiss'; reason: string; revision: number },
  ) =>
    json<HouseholdWorkflows>(
      `/api/registry/households/${enc(id)}/exclusion-proposals/${enc(findingId)}`,
      { method: 'POST', body: JSON.stringify(body) },
    ),
  /** 告知农户: the day, the channel and the text (generated from the finding when left out). */
  householdGiveNotice: (id: string, body: HouseholdNoticeRequest) =>
    json<HouseholdWorkflows>(
      `/api/registry/households/${enc(id)}/workflows/clearance/household-notice`,
      { method: 'POST', body: JSON.stringify(body) },
    ),
  /** 登记答复: what the household answered and whether it objects, once. */
  householdRecordResponse: (id: string, body: HouseholdResponseRequest) =>
    json<HouseholdWorkflows>(
      `/api/registry/households/${enc(id)}/workflows/clearance/household-response`,
      { method: 'POST', body: JSON.stringify(body) },
    ),
  /** 漏评线索 in the caller's scope, the open ones first (one page of 200). */
  candidateLeads: (status: 'open' | 'converted' | 'dismissed' | null) =>
    json<CandidateLead[]>(
      `/api/registry/candidate-leads?range=${enc('[0,199]')}${
        status ? `&filter=${enc(JSON.stringify({ status }))}` : ''
      }`,
    ),
  /** 驳回漏评线索 with the reason. */
  candidateLeadDismiss: (id: string, reason: string) =>
    json<CandidateLead>(`/api/registry/candidate-leads/${enc(id)}/dismiss`, {
      method: 'POST',
      body: JSON.stringify({ reason }),
    }),
};
