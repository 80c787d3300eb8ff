import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { MatchingApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

export type Finding = MatchingApi.components['schemas']['Finding'];

/** 比对问题 — findings of the matching runs, verified, rectified and closed by two reviewers. */
const findings: ResourcePages = {
  list: lazy(() => import('./FindingList')),
  show: lazy(() => import('./FindingShow')),
  icon: ReportProblemIcon,
  recordRepresentation: (r: RaRecord) => String(r.memberName ?? r.householdNo ?? ''),
};
export default findings;
