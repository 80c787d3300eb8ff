import { allOf } from '../../../common/allOf';
import type { GatewayApi } from '../../../providers/api-types';

export const AUDIT_ACTIONS = allOf<GatewayApi.components['schemas']['AuditEntry']['action']>()([
  'login',
  'login_failed',
  'account_locked',
  'permission_change',
  'unmask',
  'export',
  'guarantee_override',
  'guarantee_override_cleared',
  'exit_conditions_change',
  'poverty_line_change',
  'monitoring_settings_change',
  'list_rows_deleted',
  'receipt_confirmation',
  'key_reseal',
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
