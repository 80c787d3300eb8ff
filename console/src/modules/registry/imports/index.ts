import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

/** 导入任务 — household workbook imports: the wizard, live progress and the row-level report. */
const imports: ResourcePages = {
  list: lazy(() => import('./ImportList')),
  show: lazy(() => import('./ImportShow')),
  create: lazy(() => import('./ImportWizard')),
  icon: UploadFileIcon,
  recordRepresentation: (r: RaRecord) => String(r.fileName),
};
export default imports;

export const IMPORT_STATUSES = allOf<
  RegistryApi.components['schemas']['ImportJobSummary']['status']
>()(['queued', 'counting', 'running', 'completed', 'failed'] as const);
