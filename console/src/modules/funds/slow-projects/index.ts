import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 进展缓慢 — projects behind their plan, read from GET /projects/slow. */
const slowProjects: ResourcePages = {
  list: lazy(() => import('./SlowProjectList')),
  icon: TrendingDownIcon,
  recordRepresentation: (r: RaRecord) => String(r.code),
};
export default slowProjects;
