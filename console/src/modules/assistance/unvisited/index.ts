import EventBusyIcon from '@mui/icons-material/EventBusy';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 未走访户 — the month calendar of households their helper has not visited yet. */
const unvisited: ResourcePages = {
  list: lazy(() => import('./UnvisitedCalendar')),
  icon: EventBusyIcon,
  recordRepresentation: (r: RaRecord) => String(r.householdNo),
};
export default unvisited;
