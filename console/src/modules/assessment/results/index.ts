import InsightsIcon from '@mui/icons-material/Insights';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 得分说明 — a unit's score of a ranking version, explained down to the records behind it. */
const results: ResourcePages = {
  show: lazy(() => import('./ResultShow')),
  icon: InsightsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default results;
