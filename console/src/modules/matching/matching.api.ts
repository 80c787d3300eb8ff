import type { MatchingApi } from '../../providers/api-types';

export type Finding = MatchingApi.components['schemas']['Finding'];
export type DepartmentList = MatchingApi.components['schemas']['DepartmentList'];
export type MatchingRun = MatchingApi.components['schemas']['MatchingRun'];
