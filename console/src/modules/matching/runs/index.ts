import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import type { ResourcePages } from '../../types';

/** 比对任务 — matching runs: started from a list or over every current list, with live progress. */
const runs: ResourcePages = {
  list: lazy(() => import('./RunList')),
  show: lazy(() => import('./RunShow')),
  icon: CompareArrowsIcon,
  recordRepresentation: (r: RaRecord) => formatDateTime(r.createdAt),
};
export default runs;
