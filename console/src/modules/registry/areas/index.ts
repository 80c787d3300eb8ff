import MapIcon from '@mui/icons-material/Map';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 地区 — the area tree: county, townships, villages (统计用区划代码). */
const areas: ResourcePages = {
  list: lazy(() => import('./AreaList')),
  show: lazy(() => import('./AreaShow')),
  edit: lazy(() => import('./AreaEdit')),
  create: lazy(() => import('./AreaCreate')),
  icon: MapIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.code)}）`,
};
export default areas;
