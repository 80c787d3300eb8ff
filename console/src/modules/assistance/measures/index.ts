import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 帮扶措施 — the 五个一批 and other measures for a household, with their status steps. */
const measures: ResourcePages = {
  list: lazy(() => import('./MeasureList')),
  show: lazy(() => import('./MeasureShow')),
  edit: lazy(() => import('./MeasureEdit')),
  create: lazy(() => import('./MeasureCreate')),
  icon: VolunteerActivismIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.householdNo ?? '')} ${String(r.type)}`.trim(),
};
export default measures;
