import type { MatchingApi } from '../../providers/api-types';
import { downloadFile, httpClient, uploadFile } from '../../providers/http';

/** The matching service's base path behind the gateway. */
const MATCHING = '/api/matching';

export type Finding = MatchingApi.components['schemas']['Finding'];
export type DepartmentList = MatchingApi.components['schemas']['DepartmentList'];
export type MatchingRun = MatchingApi.components['schemas']['MatchingRun'];
export type ListPreview = MatchingApi.components['schemas']['ListPreview'];
/** 规则质量: the figures of a period per rule, list type and list. */
export type RuleQuality = MatchingApi.components['schemas']['RuleQuality'];
/** A rule of the rule table, with the list types that drive it. */
export type MatchingRule =
  MatchingApi.operations['listMatchingRules']['responses'][200]['content']['application/json'][number];

/** The matching service's calls beyond react-admin's CRUD, as data-provider methods. */
export const matchingCalls = {
  /** A step of a finding's review (verify, rectify, close …) with its body. */
  matchingFindingStep: async (id: string, action: string, body: Record<string, string>) => {
    await httpClient(`${MATCHING}/findings/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  },
  /** 督办: the poverty office sets the finding's deadline (an ISO date-time) with a reason. */
  matchingFindingDue: async (id: string, body: { dueAt: string; reason: string }) => {
    await httpClient(`${MATCHING}/findings/${encodeURIComponent(id)}/due`, {
      method: 'PUT',
      body: JSON.stringify(body),
    });
  },
  /** How many findings a filter matches: the total of a one-row page's Content-Range. */
  matchingFindingCount: async (filter: Record<string, unknown>): Promise<number> => {
    const q = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,0]' });
    const res = await httpClient(`${MATCHING}/findings?${q.toString()}`);
    const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
    return total ? Number(total) : 0;
  },
  /** The findings of a filter as XLSX; answers the file's name. */
  matchingFindingsExport: (filter: Record<string, unknown>): Promise<string> =>
    downloadFile(
      `${MATCHING}/exports/findings.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      '比对问题.xlsx',
    ),
  /** Uploads a department list (the query says its type, date and ID column). */
  matchingListUpload: async (query: URLSearchParams, file: File): Promise<{ id: string }> =>
    (await uploadFile(`${MATCHING}/lists?${query.toString()}`, file)) as { id: string },
  /** The first rows of a list file as an upload would read them (its header and ID column). */
  matchingListPreview: async (query: URLSearchParams, file: File): Promise<ListPreview> =>
    (await uploadFile(`${MATCHING}/lists/preview?${query.toString()}`, file)) as ListPreview,
  /** The rule table: each rule's version and the list types that drive it. */
  matchingRules: async (): Promise<MatchingRule[]> =>
    (await httpClient(`${MATCHING}/rules`)).json as MatchingRule[],
  /** 规则质量 of a period (`from`, `to`, `listType`; the service's defaults when left out). */
  matchingRuleQuality: async (query: URLSearchParams): Promise<RuleQuality> =>
    (await httpClient(`${MATCHING}/quality/rules?${query.toString()}`)).json as RuleQuality,
  /** The same figures as XLSX (audited); answers the file's name. */
  matchingRuleQualityExport: (query: URLSearchParams): Promise<string> =>
    downloadFile(`${MATCHING}/exports/rule-quality.xlsx?${query.toString()}`, '规则质量.xlsx'),
  /** Starts a run over one list, or over every current list. */
  matchingRunStart: async (listId?: string): Promise<{ id: string }> =>
    (
      await httpClient(`${MATCHING}/runs`, {
        method: 'POST',
        body: JSON.stringify(listId ? { listId } : {}),
      })
    ).json as { id: string },
};
