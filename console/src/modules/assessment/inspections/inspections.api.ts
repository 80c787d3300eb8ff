import type { RaRecord } from 'react-admin';
import type { AssessmentApi } from '../../../providers/api-types';
import { apiFetch, downloadFile, httpClient } from '../../../providers/http';
import { problemError } from '../../../providers/problem';
import type { ResourceApi } from '../../types';

type S = AssessmentApi.components['schemas'];
export type InspectionPlan = S['InspectionPlan'];
export type Inspection = S['Inspection'];
export type InspectionFinding = S['InspectionFinding'];
export type Rectification = S['Rectification'];
export type RectificationUnitCounts = S['RectificationUnitCounts'];
export type InspectionFile = S['InspectionFile'];

const BASE = '/api/assessment';
const enc = encodeURIComponent;

const post = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** The form's keys that hold something (the API refuses unknown keys and empty strings). */
function pick(data: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(
    keys
      .filter((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')
      .map((k) => [k, data[k]]),
  );
}

const createWith =
  (path: string, keys: readonly string[], shape?: (d: Record<string, unknown>) => object) =>
  async (_resource: string, params: { data: unknown }) => {
    const d = params.data as Record<string, unknown>;
    return { data: await post<RaRecord>(`/${path}`, { ...pick(d, keys), ...shape?.(d) }) };
  };

/** 督查计划: created from the form's fields. */
export const planApi: ResourceApi = {
  create: createWith('inspection-plans', [
    'name',
    'cadence',
    'areas',
    'checks',
    'inspectorUnit',
    'startsOn',
    'endsOn',
    'note',
  ]),
};

/** 督查记录: the inspectors typed one a line, findings without their empty household. */
export const inspectionApi: ResourceApi = {
  create: createWith(
    'inspections',
    ['planId', 'areaCode', 'inspectedOn', 'inspectorUnit', 'summary', 'photoFileIds'],
    (d) => ({
      inspectors: String(d.inspectors ?? '')
        .split(/[\n,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
      findings: ((d.findings ?? []) as Record<string, unknown>[]).map((f) =>
        pick(f, ['check', 'text', 'severity', 'householdId']),
      ),
    }),
  ),
};

/** 整改通知: 逾期 filters only when asked for (not overdue is every other order). */
export const rectificationApi: ResourceApi = {
  listFilter: ({ overdue, ...rest }) => (overdue === true ? { ...rest, overdue } : rest),
};

export interface RectificationOpen {
  inspectionId: string;
  findingId: string;
  unit: { kind: 'township' | 'department'; code: string };
  requirement: string;
  deadline: string;
  issuedOn?: string;
}

/** 督查 calls beyond react-admin's CRUD, as data-provider methods. */
export const inspectionCalls = {
  /** A photo or a piece of evidence, filed under an area; answers its id. */
  async assessmentUploadInspectionFile(file: File, areaCode?: string): Promise<InspectionFile> {
    const area = areaCode ? `&areaCode=${enc(areaCode)}` : '';
    const res = await apiFetch(`${BASE}/inspection-files?fileName=${enc(file.name)}${area}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    if (!res.ok) throw await problemError(res);
    return (await res.json()) as InspectionFile;
  },
  assessmentDownloadInspectionFile: (fileId: string, name: string) =>
    downloadFile(`${BASE}/inspection-files/${enc(fileId)}`, name),
  /** 下发整改通知 from one finding. */
  assessmentOpenRectification: (body: RectificationOpen) =>
    post<Rectification>('/rectifications', body),
  /** 提交整改材料. */
  assessmentSubmitEvidence: (id: string, body: { text: string; fileIds: string[] }) =>
    post<Rectification>(`/rectifications/${enc(id)}/evidence`, body),
  /** 复核: close (销号) or send back (退回). */
  assessmentReviewRectification: (
    id: string,
    body: { decision: 'close' | 'return'; note?: string },
  ) => post<Rectification>(`/rectifications/${enc(id)}/review`, body),
  /** 整改情况 by responsible unit for a period (`2026-Q2`, `2026-05`, `2026`). */
  assessmentRectificationUnits: async (period?: string): Promise<RectificationUnitCounts> =>
    (await httpClient(`${BASE}/rectifications/units${period ? `?period=${enc(period)}` : ''}`))
      .json as RectificationUnitCounts,
};
