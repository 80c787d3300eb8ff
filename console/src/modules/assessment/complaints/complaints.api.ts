import type { RaRecord } from 'react-admin';
import type { AssessmentApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';

type S = AssessmentApi.components['schemas'];
export type Complaint = S['Complaint'];
export type ComplaintUnitCounts = S['ComplaintUnitCounts'];

const BASE = '/api/assessment';
const enc = encodeURIComponent;

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

const CREATE_KEYS = [
  'receivedOn',
  'channel',
  'complainantName',
  'complainantPhone',
  'areaCode',
  'subject',
  'text',
  'householdId',
  'unitId',
  'dueOn',
] as const;

/** 承办单位 as the form gives it: a township's area code or a department's code. */
export function unitIdOf(d: Record<string, unknown>): string | null {
  if (typeof d.unitTownship === 'string' && d.unitTownship) return `township:${d.unitTownship}`;
  if (typeof d.unitDepartment === 'string' && d.unitDepartment)
    return `department:${d.unitDepartment}`;
  return null;
}

/** 登记信访件: the form's filled fields only (the API refuses empty strings). */
export const complaintApi: ResourceApi = {
  create: async (_resource, params) => {
    const data = params.data as Record<string, unknown>;
    const d: Record<string, unknown> = { ...data, unitId: unitIdOf(data) };
    const body = Object.fromEntries(
      CREATE_KEYS.filter((k) => d[k] !== undefined && d[k] !== null && d[k] !== '').map((k) => [
        k,
        d[k],
      ]),
    );
    return { data: await post<RaRecord>('/complaints', body) };
  },
};

/** 信访件's steps, as named data-provider calls. */
export const complaintCalls = {
  /** The complainant in clear, for a reason the service writes to the audit log. */
  assessmentComplaintUnmasked: async (id: string, reason: string): Promise<Complaint> =>
    (await httpClient(`${BASE}/complaints/${enc(id)}?unmask=true&reason=${enc(reason)}`))
      .json as Complaint,
  /** 交办 — to a unit, with a due day (the county's rule when left empty). */
  assessmentAssignComplaint: (
    id: string,
    body: { unitId: string; dueOn?: string; revision: number },
  ): Promise<Complaint> => post(`/complaints/${enc(id)}/assign`, body),
  /** 答复 — the unit's answer. */
  assessmentAnswerComplaint: (
    id: string,
    body: { text: string; answeredOn?: string; revision: number },
  ): Promise<Complaint> => post(`/complaints/${enc(id)}/answer`, body),
  /** 满意度 — the complainant's rating; closes the round. */
  assessmentRateComplaint: (
    id: string,
    body: { satisfaction: string; revision: number },
  ): Promise<Complaint> => post(`/complaints/${enc(id)}/satisfaction`, body),
  /** 重新办理 — an unsatisfied complaint, with a reason. */
  assessmentReopenComplaint: (
    id: string,
    body: { reason: string; dueOn?: string; revision: number },
  ): Promise<Complaint> => post(`/complaints/${enc(id)}/reopen`, body),
  /** 承办单位办理情况 — per unit, the complaints received in a period. */
  assessmentComplaintUnits: async (from: string, to: string): Promise<ComplaintUnitCounts[]> =>
    (await httpClient(`${BASE}/complaints/units?from=${enc(from)}&to=${enc(to)}`))
      .json as ComplaintUnitCounts[],
};
