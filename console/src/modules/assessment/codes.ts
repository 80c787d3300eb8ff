import { allOf } from '../../common/allOf';
import { formatCount, formatPercent, formatYuan } from '../../common/format';
import { currentLocale } from '../../i18n/locale';
import type { AssessmentApi } from '../../providers/api-types';

type S = AssessmentApi.components['schemas'];
export type Ranking = S['Ranking'];
export type RankedUnit = S['RankedUnit'];
export type RankingResult = S['RankingResult'];
export type ScoredIndicator = S['ScoredIndicator'];
export type Scheme = S['Scheme'];
export type Indicator = S['Indicator'];
export type QuarterPreview =
  AssessmentApi.operations['previewQuarter']['responses']['200']['content']['application/json'];

/** 考核指标 — what the scheme can weigh, measured from the other services' events. */
export const INDICATORS = allOf<S['IndicatorCode']>()([
  'visit_coverage',
  'plan_coverage',
  'helper_coverage',
  'fund_disbursement_rate',
  'idle_funds',
  'project_start_rate',
  'project_completion_rate',
  'findings_open',
  'findings_overdue',
  'insurance_coverage',
  'dropouts_open',
  'exit_progress',
  'topups_outstanding',
  'guarantees_met',
  'warnings_verified_on_time',
  'incidence_vs_target',
  'village_exit_rate',
  'pension_coverage',
  'tasks_on_time',
  'rectifications_on_time',
  'complaints_on_time',
] as const);

export const UNIT_KINDS = allOf<S['RankedUnit']['kind']>()(['township', 'department'] as const);
export const TRIGGERS = allOf<S['Ranking']['trigger']>()([
  'schedule',
  'manual',
  'recompute',
] as const);

/** The service's texts come in both languages as `{ zh, en }`; the console shows one. */
export const pickText = (t: { zh: string; en: string } | undefined | null): string =>
  t ? (currentLocale() === 'en' ? t.en : t.zh) : '';

/** Points kept in hundredths: 8750 → `87.50`. */
export const formatScore = (centi: unknown): string =>
  typeof centi === 'number' && Number.isFinite(centi) ? (centi / 100).toFixed(2) : '—';

/** An indicator's value as its kind says: a percentage, an amount in fen, or a count. */
export function formatIndicatorValue(kind: string | undefined, value: unknown): string {
  if (kind === 'fen') return formatYuan(value);
  if (kind === 'count') return formatCount(value);
  return formatPercent(value);
}

/** `2019-Q1-v1` and a unit id as one react-admin id for a unit's result. */
export const resultId = (rankingId: string, unitId: string) => `${rankingId}~${unitId}`;
export const splitResultId = (id: string): [string, string] => {
  const at = id.indexOf('~');
  return [id.slice(0, at), id.slice(at + 1)];
};

/** The quarter running in Asia/Shanghai. */
export function runningQuarter(now = new Date()): { year: number; quarter: number } {
  const [y, m] = now
    .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** The quarter just closed in Asia/Shanghai (the one the next ranking is for). */
export function lastClosedQuarter(now = new Date()): { year: number; quarter: number } {
  const [y, m] = now
    .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}
