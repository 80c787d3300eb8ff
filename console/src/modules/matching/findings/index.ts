import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 比对问题 — findings of the matching runs, verified, rectified and closed by two reviewers. */
const findings: ResourcePages = {
  list: lazy(() => import('./FindingList')),
  show: lazy(() => import('./FindingShow')),
  icon: ReportProblemIcon,
  recordRepresentation: (r: RaRecord) => String(r.memberName ?? r.householdNo ?? ''),
};
export default findings;
