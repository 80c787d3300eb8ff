import type { AssessmentApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';

type S = AssessmentApi.components['schemas'];
export type AccountabilityCase = S['AccountabilityCase'];
export type CaseRanking = S['CaseRanking'];
export type DecisionInput = S['AccountabilityDecisionInput'];

/** 案件状态 and 问责方式 as the service names them. */
export const CASE_STATUSES = ['open', 'decided', 'closed', 'withdrawn'] as const;
export const DECISION_KINDS = [
  'talk',
  'criticism',
  'admonition',
  'self_examination',
  'organisational',
  'discipline',
  'none',
] as const satisfies readonly S['AccountabilityDecisionKind'][];

const post = async (id: string, step: string, body: object): Promise<AccountabilityCase> =>
  (
    await httpClient(`/api/assessment/accountability-cases/${encodeURIComponent(id)}/${step}`, {
      method: 'POST',
      body: JSON.stringify(body),
    })
  ).json as AccountabilityCase;

/** 问责案件's steps: the decision, a follow-up, the closing — each answers the case. */
export const accountabilityCalls = {
  assessmentDecideCase: (id: string, body: DecisionInput) => post(id, 'decision', body),
  assessmentFollowUpCase: (id: string, body: { on: string; text: string }) =>
    post(id, 'follow-ups', body),
  assessmentCloseCase: (id: string, body: { on: string; note: string }) => post(id, 'close', body),
};
