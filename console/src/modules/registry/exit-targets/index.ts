import FlagIcon from '@mui/icons-material/Flag';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 年度脱贫目标 — an area's target of exits for a year (set by the county, needs approve). */
const exitTargets: ResourcePages = {
  list: lazy(() => import('./ExitTargetList')),
  edit: lazy(() => import('./ExitTargetEdit')),
  create: lazy(() => import('./ExitTargetCreate')),
  icon: FlagIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.year)}`,
};
export default exitTargets;
