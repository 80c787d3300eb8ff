import type { RegistryApi } from '../../../providers/api-types';
import { apiFetch, downloadFile, httpClient } from '../../../providers/http';
import { type Bilingual, problemError } from '../../../providers/problem';
import { SIGNAL_CODES, type SignalCode } from './codes';

type S = RegistryApi.components['schemas'];
type Ops = RegistryApi.operations;

/** 督办: the new deadline (an ISO instant, later than now) and why. */
export type WarningDueRequest = NonNullable<
  Ops['setMonitoringWarningDue']['requestBody']
>['content']['application/json'];

export type MonitoringCategory = S['MonitoringWarning']['suggestedCategory'];

/** What the township decided on verification (the API types it loosely; the service writes this). */
export interface WarningDecision {
  decision: 'confirmed' | 'dismissed';
  by: { id: string; name: string };
  at: string;
  reason: string;
  /** References to the evidence: photo or document numbers. */
  evidence: string[];
  /** Confirmed: the category the monitoring-entry workflow was opened for. */
  category: MonitoringCategory | null;
}

/** One thing that happened to a warning, in order. */
export interface WarningEvent {
  at: string;
  action: 'raised' | 'updated' | 'due_changed' | 'confirmed' | 'dismissed';
  actorName: string;
  screeningId: string | null;
  signals: string[];
  /** The reason of a decision or of a deadline set (督办). */
  note: string | null;
  /** due_changed: the deadline before and after (instants). */
  dueBefore?: string;
  dueAfter?: string;
}

/** 防返贫预警 — a household at risk found by a screening, verified by its township. */
export type MonitoringWarning = Omit<S['MonitoringWarning'], 'decision' | 'events'> & {
  decision: WarningDecision | null;
  events: WarningEvent[];
};

export type FiredSignal = S['FiredSignal'];

/** 监测筛查 — one run: what it screened and raised, per rule what fired and what it could not judge. */
export type ScreeningRun = Omit<S['ScreeningRun'], 'missing' | 'error'> & {
  missing: Partial<Record<SignalCode | string, { count: number; households?: string[] }>>;
  error?: { code: string; message: Bilingual } | null;
};

export type WarningRule = S['WarningRule'];
/** 佐证材料 — a photo or document uploaded for a warning, named in its decision as `file:<id>`. */
export type WarningEvidenceFile = S['WarningEvidenceFile'];

/** The id of an uploaded file a decision's evidence entry names (`file:<id>`), else null. */
export const evidenceFileIdOf = (entry: string): string | null =>
  /^file:(.+)$/.exec(entry)?.[1] ?? null;
export type MonitoringSettings = S['MonitoringSettings'];
export type Disaster = S['Disaster'];

/** 风险消除 — one condition a monitoring removal will check, with its message in both languages. */
export interface RiskCheck {
  check: 'stable_income_months' | 'no_open_warning' | 'home_check_recent' | string;
  passed: boolean;
  field: string;
  message: Bilingual;
}

/** What replaced a month's record kept when it was corrected. */
export interface FollowUpCorrection {
  at: string;
  actorName: string;
  incomeFen: number | null;
  homeCheckOn: string | null;
  note: string;
}

/** 帮扶跟踪 — a month of a monitored household's follow-up log. */
export type FollowUp = Omit<S['FollowUp'], 'recordedBy' | 'corrections'> & {
  recordedBy?: { id: string; name: string; areaCode?: string };
  corrections?: FollowUpCorrection[];
};

/** 返贫风险 — the household's months of stability, the removal checks and the follow-up log. */
export type HouseholdRisk = Omit<
  RegistryApi.operations['getHouseholdRisk']['responses'][200]['content']['application/json'],
  'checks' | 'followUps'
> & { checks: RiskCheck[]; followUps: FollowUp[] };

export interface FollowUpRequest {
  /** The household's income that month, all members, in fen; null: not known. */
  incomeFen: number | null;
  /** YYYY-MM-DD, a day of that month, not in the future. */
  homeCheckOn: string | null;
  note: string;
}

export interface MonitoringSettingsRequest {
  /** null: 1.5 × the year's poverty line. */
  monitoringLineFen: number | null;
  medicalThresholdFen: number;
  reason: string;
}

const BASE = '/api/registry/monitoring';
const enc = encodeURIComponent;

async function call<T>(path: string, init?: { method: string; body?: unknown }): Promise<T> {
  const { json } = await httpClient(
    `${BASE}${path}`,
    init
      ? {
          method: init.method,
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        }
      : undefined,
  );
  return json as T;
}

/** 防返贫监测预警 beyond react-admin's CRUD, as data-provider methods (registryCalls). */
export const monitoringCalls = {
  /** 确认纳入监测: the household's monitoring-entry workflow opens in the category given. */
  monitoringWarningConfirm: (
    id: string,
    body: { reason: string; evidence: string[]; category: MonitoringCategory },
  ) => call<MonitoringWarning>(`/warnings/${enc(id)}/confirm`, { method: 'POST', body }),
  /** 排除预警, with the reason and at least one piece of evidence. */
  monitoringWarningDismiss: (id: string, body: { reason: string; evidence: string[] }) =>
    call<MonitoringWarning>(`/warnings/${enc(id)}/dismiss`, { method: 'POST', body }),
  /** 上传佐证材料: the file itself as the body (JPEG, PNG or PDF), before the decision names it. */
  async monitoringWarningEvidenceUpload(id: string, file: File): Promise<WarningEvidenceFile> {
    const res = await apiFetch(`${BASE}/warnings/${enc(id)}/evidence?fileName=${enc(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    if (!res.ok) throw await problemError(res);
    return (await res.json()) as WarningEvidenceFile;
  },
  /** Downloads an evidence file with the session's token; answers the file's name. */
  monitoringWarningEvidenceDownload: (id: string, fileId: string) =>
    downloadFile(`${BASE}/warnings/${enc(id)}/evidence/${enc(fileId)}`, fileId),
  /** 预警信号分布: per rule, how many open warnings of the caller's scope it fired in. */
  async monitoringOpenWarningsBySignal(): Promise<{ code: SignalCode; count: number }[]> {
    return Promise.all(
      SIGNAL_CODES.map(async (code) => {
        const q = new URLSearchParams({
          range: JSON.stringify([0, 0]),
          filter: JSON.stringify({ status: 'open', signal: code }),
        });
        const { headers } = await httpClient(`${BASE}/warnings?${q}`);
        const total = /\/(\d+)$/.exec(headers.get('content-range') ?? '')?.[1];
        return { code, count: Number(total ?? 0) };
      }),
    );
  },
  /** 督办 (county poverty office): sets an open warning's deadline, with the reason. */
  monitoringWarningDue: (id: string, body: WarningDueRequest) =>
    call<MonitoringWarning>(`/warnings/${enc(id)}/due`, { method: 'PUT', body }),
  /** 立即筛查 (county poverty office): answers the run as queued; read it until it ends. */
  monitoringScreeningRequest: () => call<ScreeningRun>('/screenings', { method: 'POST' }),
  /** The rule table and this year's settings. */
  monitoringRules: () => call<{ rules: WarningRule[]; settings: MonitoringSettings }>('/rules'),
  /** Records a year's monitoring line and medical threshold (audited). */
  monitoringSettingsSet: (year: number, body: MonitoringSettingsRequest) =>
    call<MonitoringSettings>(`/settings/${year}`, { method: 'PUT', body }),
  /** 返贫风险: the household's months of stable income, the 风险消除 checks and the log. */
  monitoringHouseholdRisk: (householdId: string) =>
    call<HouseholdRisk>(`/households/${enc(householdId)}/risk`),
  /** 登记帮扶跟踪: records (or corrects, keeping the record replaced) a month of the log. */
  monitoringFollowUpRecord: (householdId: string, month: string, body: FollowUpRequest) =>
    call<FollowUp>(`/households/${enc(householdId)}/follow-ups/${enc(month)}`, {
      method: 'PUT',
      body,
    }),
};
