import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';

type S = RegistryApi.components['schemas'];
type Ops = RegistryApi.operations;
type ConfirmBody = NonNullable<
  Ops['confirmMonitoringWarning']['requestBody']
>['content']['application/json'];
type DisasterBody = NonNullable<
  Ops['recordDisaster']['requestBody']
>['content']['application/json'];

/**
 * 预警信号 — the rules of the registry's rule table, in its order (the API types a signal's code
 * as text, so this list is the console's: a new rule needs its label in both languages too).
 */
export const SIGNAL_CODES = [
  'income_below_monitoring_line',
  'medical_out_of_pocket',
  'child_out_of_school',
  'member_deceased',
  'labourer_disabled',
  'disaster',
  'work_lost',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export const WARNING_STATUSES = allOf<S['MonitoringWarning']['status']>()([
  'open',
  'confirmed',
  'dismissed',
] as const);

/** 监测对象类别 — 脱贫不稳定户, 边缘易致贫户, 突发严重困难户. */
export const MONITORING_CATEGORIES = allOf<NonNullable<ConfirmBody['category']>>()([
  'unstable',
  'marginal',
  'sudden_hardship',
] as const);

export const SCREENING_STATUSES = allOf<S['ScreeningRun']['status']>()([
  'running',
  'done',
  'refused',
  'failed',
] as const);

export const RULE_SOURCES = allOf<S['WarningRule']['source']>()([
  'registry',
  'support',
  'disaster',
] as const);

export const DISASTER_KINDS = allOf<DisasterBody['kind']>()([
  'flood',
  'drought',
  'landslide',
  'earthquake',
  'hail',
  'fire',
  'epidemic',
  'other',
] as const);
