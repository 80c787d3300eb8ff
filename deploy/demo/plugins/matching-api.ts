import type { MatchingApi } from '@fupin/contracts';

// The matching service's answers as its OpenAPI document describes them: the demo writes
// through the public API and reads back what it documents.

type S = MatchingApi.components['schemas'];
export type Finding = S['Finding'];
export type Run = S['MatchingRun'];
export type ListView = S['DepartmentList'];
