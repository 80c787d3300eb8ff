import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 问题线索 — misuse signals the funds service raised by itself (a voucher used twice, payees
 * outside the registry, money paid to another project's contractor, a payment above what a
 * project has), each with its evidence, until a second person confirms or dismisses it.
 */
const findings: ResourcePages = {
  list: lazy(() => import('./FindingList')),
  show: lazy(() => import('./FindingShow')),
  icon: ReportProblemIcon,
  recordRepresentation: (r: RaRecord) => String(r.projectCode ?? r.id),
};
export default findings;
