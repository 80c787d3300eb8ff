import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 资金趴账 — the daily check of money allocated and not spent, by township and project. */
const idleFunds: ResourcePages = {
  list: lazy(() => import('./IdleRunList')),
  show: lazy(() => import('./IdleRunShow')),
  icon: HourglassBottomIcon,
  recordRepresentation: (r: RaRecord) => String(r.date),
};
export default idleFunds;
