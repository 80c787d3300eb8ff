import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 帮扶责任人 — the cadres who help households (挂包帮), with their pairing load. */
const helpers: ResourcePages = {
  list: lazy(() => import('./HelperList')),
  show: lazy(() => import('./HelperShow')),
  edit: lazy(() => import('./HelperEdit')),
  create: lazy(() => import('./HelperCreate')),
  icon: BadgeIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.unit)}）`,
};
export default helpers;
