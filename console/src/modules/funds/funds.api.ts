import type { RaRecord } from 'react-admin';
import type { FundsApi } from '../../providers/api-types';
import { changedFields } from '../../providers/dataProvider';
import { apiFetch, downloadFile, httpClient } from '../../providers/http';
import { problemError } from '../../providers/problem';
import type { ResourceApi } from '../types';

type S = FundsApi.components['schemas'];
export type Project = S['Project'];
export type ProjectStep = S['ProjectStep'];
export type HistoryEntry = S['HistoryEntry'];
export type Batch = S['Batch'];
export type Disbursement = S['Disbursement'];
export type StoredFile = S['StoredFile'];
export type IdleRun = S['IdleRun'];
export type Loan = S['Loan'];
export type Notice = S['Notice'];
export type BalanceRow = S['BalanceRow'];
export type Source = S['Source'];
export type Transfer = S['Transfer'];
export type Finding = S['Finding'];
export type ProgressReport = S['ProgressReport'];
export type ProgressReportInput = S['ProgressReportInput'];
export type SlowProject = S['SlowProject'];
export type ProjectNotice = S['ProjectNotice'];
export type ProjectNoticeInput = S['ProjectNoticeInput'];
export type FindingOutcome = 'confirmed' | 'dismissed';
export type LoanWriteOff = {
  on: string;
  reason: string;
  disaster: string;
  documentNo?: string | null;
};

export const BASE = '/api/funds';
const enc = encodeURIComponent;

export const json = async <T>(url: string, init?: RequestInit): Promise<T> =>
  (await httpClient(url, init)).json as T;

const post = <T>(path: string, body?: unknown) =>
  json<T>(`${BASE}${path}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** The keys of a form that hold something (the API's optional fields are rarely nullable). */
export function compact(data: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(
    keys
      .filter((k) => data[k] !== undefined && data[k] !== null && data[k] !== '')
      .map((k) => [k, data[k]]),
  );
}

/** A create through POST /<path>: the given keys of the form, then what `extra` derives. */
export const createWith =
  (path: string, keys: readonly string[], extra?: (d: Record<string, unknown>) => object) =>
  async (_resource: string, params: { data: unknown }) => {
    const d = params.data as Record<string, unknown>;
    return { data: await post<RaRecord>(`/${path}`, { ...compact(d, keys), ...extra?.(d) }) };
  };

export const changedWithRevision =
  (
    keys: readonly string[],
    clean: (o: Record<string, unknown>) => Record<string, unknown> = (o) => o,
  ): NonNullable<ResourceApi['updateBody']> =>
  (data, previous) => ({
    ...clean(changedFields(data, previous, keys)),
    revision: previous.revision,
  });

/** The funds service's calls beyond react-admin's CRUD, as data-provider methods. */
export const fundsCalls = {
  fundsStepProject: (id: string, body: ProjectStep) =>
    post<Project>(`/projects/${enc(id)}/steps`, body),
  /** 进度填报 — the project with the report added. */
  fundsReportProgress: (id: string, body: ProgressReportInput) =>
    post<Project>(`/projects/${enc(id)}/progress`, body),
  /** 登记公示 — the project with the notice added. */
  fundsRecordProjectNotice: (id: string, body: ProjectNoticeInput) =>
    post<Project>(`/projects/${enc(id)}/notices`, body),
  fundsProjectHistory: (id: string) => json<HistoryEntry[]>(`${BASE}/projects/${enc(id)}/history`),
  fundsApproveDisbursement: (id: string, paidOn?: string) =>
    post<Disbursement>(`/disbursements/${enc(id)}/approve`, paidOn ? { paidOn } : {}),
  fundsRejectDisbursement: (id: string, reason: string) =>
    post<Disbursement>(`/disbursements/${enc(id)}/reject`, { reason }),
  fundsDisbursementUnmasked: (id: string, reason: string) =>
    json<Disbursement>(`${BASE}/disbursements/${enc(id)}?unmask=true&reason=${enc(reason)}`),
  fundsRecordArrival: (id: string, body: { on: string; amountFen: number; note?: string | null }) =>
    post<Batch>(`/batches/${enc(id)}/arrivals`, body),
  fundsRunIdleCheck: () => post<{ jobId?: string; date?: string }>('/idle-funds/runs'),
  fundsRepayLoan: (id: string, body: { on: string; amountFen: number; note?: string | null }) =>
    post<Loan>(`/loans/${enc(id)}/repayments`, body),
  fundsWriteOffLoan: (id: string, body: LoanWriteOff) =>
    post<Loan>(`/loans/${enc(id)}/write-off`, body),
  fundsApproveTransfer: (id: string) => post<Transfer>(`/transfers/${enc(id)}/approve`),
  fundsRejectTransfer: (id: string, reason: string) =>
    post<Transfer>(`/transfers/${enc(id)}/reject`, { reason }),
  fundsResolveFinding: (id: string, body: { outcome: FindingOutcome; note: string }) =>
    post<Finding>(`/findings/${enc(id)}/resolve`, body),
  fundsRecordPosting: (id: string, body: { place: string; postedOn: string }) =>
    post<Notice>(`/notices/${enc(id)}/postings`, body),
  fundsBalances: (by: 'township' | 'source' | 'project' = 'township') =>
    json<{ by?: string; rows?: BalanceRow[]; totals?: BalanceRow }>(`${BASE}/balances?by=${by}`),
  /** Uploads a voucher or document; the answer carries the file's id and SHA-256. */
  async fundsUpload(file: File, purpose: 'voucher' | 'document' | 'photo' | 'other') {
    const res = await apiFetch(`${BASE}/files?fileName=${enc(file.name)}&purpose=${purpose}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    if (!res.ok) throw await problemError(res);
    return (await res.json()) as StoredFile;
  },
  fundsDownload: (fileId: string, name: string) =>
    downloadFile(`${BASE}/files/${enc(fileId)}`, name),
  fundsNoticeFile: (id: string, ext: 'pdf' | 'xlsx') =>
    downloadFile(`${BASE}/notices/${enc(id)}/notice.${ext}`, `公示-${id}.${ext}`),
};
