import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazy } from 'react';
import { allOf } from '../../../common/allOf';
import type { GatewayApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

/** 审计日志 — sign-ins, rights changes, unmasking and exports reported by every service. */
const audit: ResourcePages = {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: ManageSearchIcon,
  recordRepresentation: 'id',
};
export default audit;

export const AUDIT_ACTIONS = allOf<GatewayApi.components['schemas']['AuditEntry']['action']>()([
  'login',
  'login_failed',
  'account_locked',
  'permission_change',
  'unmask',
  'export',
] as const);
export const SERVICES = [
  'gateway',
  'registry',
  'assistance',
  'funds',
  'support',
  'matching',
  'assessment',
] as const;
