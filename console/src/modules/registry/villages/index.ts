import HolidayVillageIcon from '@mui/icons-material/HolidayVillage';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';
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

/** 基础设施 — 道路硬化, 自来水, 通电, 宽带, 卫生室, 活动室. */
export const INFRASTRUCTURE = allOf<keyof RegistryApi.components['schemas']['Infrastructure']>()([
  'roadHardening',
  'tapWater',
  'electricity',
  'broadband',
  'clinic',
  'activityRoom',
] as const);
