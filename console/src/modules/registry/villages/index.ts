import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 行政村 — every village of the area tree, its recorded facts and computed incidence. */
const villages: ResourcePages = {
  list: lazy(() => import('./VillageList')),
  show: lazy(() => import('./VillageShow')),
  edit: lazy(() => import('./VillageEdit')),
  icon: HolidayVillageIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default villages;
