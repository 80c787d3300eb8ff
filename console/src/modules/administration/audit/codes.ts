import { allOf } from '../../../common/allOf';
import type { GatewayApi } from '../../../providers/api-types';

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
