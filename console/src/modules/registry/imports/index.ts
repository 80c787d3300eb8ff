import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
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
