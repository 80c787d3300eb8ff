import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../../types';

/** 监测筛查 — the monthly and on-demand screenings of the county, with their reports. */
const screenings: ResourcePages = {
  list: lazy(() => import('./ScreeningList')),
  icon: ManageSearchIcon,
  recordRepresentation: (r: RaRecord) => String(r.day),
};
export default screenings;
