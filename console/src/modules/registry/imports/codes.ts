import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';

export const IMPORT_STATUSES = allOf<
  RegistryApi.components['schemas']['ImportJobSummary']['status']
>()(['queued', 'counting', 'running', 'completed', 'failed'] as const);
