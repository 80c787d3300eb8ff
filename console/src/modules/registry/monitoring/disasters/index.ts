import ThunderstormIcon from '@mui/icons-material/Thunderstorm';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../../types';

/** 灾情登记 — disasters recorded by townships, a signal of the monitoring screening. */
const disasters: ResourcePages = {
  list: lazy(() => import('./DisasterList')),
  create: lazy(() => import('./DisasterCreate')),
  icon: ThunderstormIcon,
  recordRepresentation: (r: RaRecord) => String(r.day),
};
export default disasters;
