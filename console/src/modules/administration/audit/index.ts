import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazy } from 'react';
import type { ResourcePages } from '../../types';

/** 审计日志 — sign-ins, rights changes, unmasking and exports reported by every service. */
const audit: ResourcePages = {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: ManageSearchIcon,
  recordRepresentation: 'id',
};
export default audit;
