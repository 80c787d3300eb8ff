import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 结对帮扶导入 — the county's pairing lists (cadre and household per row): the wizard, and each
 * import's counts and rejected rows.
 */
const pairingImports: ResourcePages = {
  list: lazy(() => import('./PairingImportList')),
  show: lazy(() => import('./PairingImportShow')),
  create: lazy(() => import('./PairingImportWizard')),
  icon: UploadFileIcon,
  recordRepresentation: (r: RaRecord) => String(r.fileName),
};
export default pairingImports;
