import type { RaRecord } from 'react-admin';
import type { AssistanceApi } from '../../providers/api-types';
import { changedFields } from '../../providers/dataProvider';
import { apiFetch, httpClient } from '../../providers/http';
import { problemError } from '../../providers/problem';
import type { ResourceApi } from '../types';

type S = AssistanceApi.components['schemas'];
export type Helper = S['Helper'];
export type Pairing = S['Pairing'];
export type Plan = S['Plan'];
export type PlanTarget = S['PlanTarget'];
export type PlanVersion = S['PlanVersion'];
export type Measure = S['Measure'];
export type Visit = S['Visit'];
export type UnvisitedHousehold = S['UnvisitedHousehold'];
export type AssistedHousehold = S['HouseholdDetail'];
export type VillageAssignment = S['VillageAssignment'];
export type WorkTeam = S['WorkTeam'];
export type TeamMember = WorkTeam['members'][number];
export type PairingImport = S['PairingImport'];
/** 结束任期 — the body of POST /village-assignments/{id}/end and /work-teams/{id}/end. */
export type EndTerm = S['EndRequest'];
export type VisitStatistics =
  AssistanceApi.operations['statisticsVisits']['responses']['200']['content']['application/json'];

export const BASE = '/api/assistance';
const enc = encodeURIComponent;

/** A create body without the inputs left empty: the API's fields are optional, not nullable. */
export function compact(data: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(
    keys
      .filter((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')
      .map((k) => [k, data[k]]),
  );
}

export const json = async <T>(url: string, init?: RequestInit): Promise<T> =>
  (await httpClient(url, init)).json as T;

const post = <T>(path: string, body: unknown) =>
  json<T>(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });

/** A create through POST /<path> with only the given keys of the form. */
export const createWith =
  (path: string, keys: readonly string[], extra?: (d: Record<string, unknown>) => object) =>
  async (_resource: string, params: { data: unknown }) => {
    const d = params.data as Record<string, unknown>;
    const body = { ...compact(d, keys), ...(extra ? extra(d) : {}) };
    return { data: await post<RaRecord>(`/${path}`, body) };
  };

/** A strict PUT body: the fields the user changed, against the revision loaded. */
export const changedWithRevision =
  (keys: readonly string[]): NonNullable<ResourceApi['updateBody']> =>
  (data, previous) => ({
    ...changedFields(data, previous, keys),
    revision: previous.revision,
  });

/** The assistance service's calls beyond react-admin's CRUD, as data-provider methods. */
export const assistanceCalls = {
  assistanceEndPairing: (
    id: string,
    body: { reason: string; endDate?: string; revision?: number },
  ) => post<Pairing>(`/pairings/${enc(id)}/end`, body),
  /** Ends a village assignment's or a work team's term (`path` is the resource's API path). */
  assistanceEndTerm: (path: 'village-assignments' | 'work-teams', id: string, body: EndTerm) =>
    post<VillageAssignment | WorkTeam>(`/${path}/${enc(id)}/end`, body),
  assistanceMoveMeasure: (
    id: string,
    body: { to: Measure['status']; reason?: string; date?: string; revision?: number },
  ) => post<Measure>(`/measures/${enc(id)}/status`, body),
  assistancePlanHistory: (householdId: string) =>
    json<PlanVersion[]>(`${BASE}/plans/${enc(householdId)}/history`),
  assistanceAddProgress: (
    householdId: string,
    body: { percent: number; note: string; date?: string; revision?: number },
  ) => post<Plan>(`/plans/${enc(householdId)}/progress`, body),
  assistanceHelperUnmasked: (id: string, reason: string) =>
    json<Helper>(`${BASE}/helpers/${enc(id)}?unmask=true&reason=${enc(reason)}`),
  assistanceVisitStatistics: (month?: string) =>
    json<VisitStatistics>(`${BASE}/statistics/visits${month ? `?month=${enc(month)}` : ''}`),
  /** Every visit of a month (page by page, up to `cap`), for the calendar's day counts. */
  async assistanceVisitsOfMonth(
    month: string,
    cap = 2000,
  ): Promise<{ visits: Visit[]; total: number }> {
    const visits: Visit[] = [];
    let total = 0;
    for (let start = 0; start < cap; start += 500) {
      const q = new URLSearchParams({
        filter: JSON.stringify({ month }),
        range: JSON.stringify([start, start + 499]),
        sort: JSON.stringify(['date', 'ASC']),
      });
      const res = await httpClient(`${BASE}/visits?${q}`);
      const page = res.json as Visit[];
      total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? page.length);
      visits.push(...page);
      if (visits.length >= total || page.length === 0) break;
    }
    return { visits, total };
  },
  async assistanceAddPhoto(visitId: string, file: File): Promise<Visit> {
    const res = await apiFetch(`${BASE}/visits/${enc(visitId)}/photos?fileName=${enc(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    if (!res.ok) throw await problemError(res);
    return (await res.json()) as Visit;
  },
  /** A photo as an object URL (the API needs the bearer token, so no plain <img src>). */
  async assistancePhotoUrl(path: string): Promise<string> {
    const res = await apiFetch(`${BASE}${path}`, { headers: { accept: 'image/*' } });
    if (!res.ok) throw await problemError(res);
    return URL.createObjectURL(await res.blob());
  },
};
