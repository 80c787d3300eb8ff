import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 部门名单导入 — the education department's enrollment list and the health department's
 * insurance list, reconciled with the registry row by row as a background job.
 */
const imports: ResourcePages = {
  list: lazy(() => import('./DepartmentImportList')),
  show: lazy(() => import('./DepartmentImportShow')),
  create: lazy(() => import('./DepartmentImportWizard')),
  icon: UploadFileIcon,
  recordRepresentation: (r: RaRecord) => String(r.fileName),
};
export default imports;
