import type { RegistryApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';
import type { HouseholdWorkflows } from './household.api';

type S = RegistryApi.components['schemas'];
export type ExclusionProposal = S['ExclusionProposal'];
export type CandidateLead = S['CandidateLead'];

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
