import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 走访记录 — home visits (每月至少一次入户走访), with photos; late entries are flagged. */
const visits: ResourcePages = {
  list: lazy(() => import('./VisitList')),
  show: lazy(() => import('./VisitShow')),
  create: lazy(() => import('./VisitCreate')),
  icon: DirectionsWalkIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.householdNo ?? '')} ${String(r.date)}`.trim(),
};
export default visits;
