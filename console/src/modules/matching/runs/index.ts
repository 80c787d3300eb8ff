import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import type { MatchingApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

export type MatchingRun = MatchingApi.components['schemas']['MatchingRun'];

/** 比对任务 — matching runs: started from a list or over every current list, with live progress. */
const runs: ResourcePages = {
  list: lazy(() => import('./RunList')),
  show: lazy(() => import('./RunShow')),
  icon: CompareArrowsIcon,
  recordRepresentation: (r: RaRecord) => formatDateTime(r.createdAt),
};
export default runs;
