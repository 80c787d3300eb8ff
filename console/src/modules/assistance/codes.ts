import { codesOf, HelperRank, MeasureCategory } from '@fupin/reference';
import { allOf } from '../../common/allOf';
import type { AssistanceApi } from '../../providers/api-types';

type S = AssistanceApi.components['schemas'];

/** The codes the assistance API takes, checked against its OpenAPI document. */
export const HELPER_RANKS = allOf<S['Helper']['rank']>()(codesOf(HelperRank));
export const HELPER_STATUSES = allOf<S['Helper']['status']>()(['active', 'inactive'] as const);
export const PAIRING_ROLES = allOf<S['Pairing']['role']>()(['key', 'contact'] as const);
export const PAIRING_STATUSES = allOf<S['Pairing']['status']>()(['active', 'ended'] as const);
export const MEASURE_CATEGORIES = allOf<S['Measure']['category']>()(codesOf(MeasureCategory));
export const MEASURE_STATUSES = allOf<S['Measure']['status']>()([
  'planned',
  'in_progress',
  'done',
  'cancelled',
] as const);
export const ASSISTED_STATUSES = allOf<S['Household']['status']>()([
  'candidate',
  'in_poverty',
  'exited',
  'returned',
  'unstable',
  'marginal',
  'sudden_hardship',
  'cancelled',
] as const);

export const ASSIGNMENT_KINDS = allOf<S['VillageAssignment']['kind']>()([
  'first_secretary',
  'leader',
  'department',
] as const);
export const TERM_STATUSES = allOf<S['VillageAssignment']['status']>()([
  'active',
  'ended',
] as const);
export const TEAM_ROLES = allOf<S['WorkTeam']['members'][number]['role']>()([
  'leader',
  'first_secretary',
  'member',
] as const);

/** The steps a measure may take from each status (planned → in_progress → done, or cancelled). */
export const MEASURE_NEXT: Record<S['Measure']['status'], S['Measure']['status'][]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};
