import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../../types';

/** 预警核实 — households at risk of returning to poverty, verified by their township. */
const warnings: ResourcePages = {
  list: lazy(() => import('./WarningList')),
  show: lazy(() => import('./WarningShow')),
  icon: NotificationImportantIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.householdNo)} ${String(r.headName ?? '')}`.trim(),
};
export default warnings;
