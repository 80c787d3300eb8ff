import HealthAndSafetyIcon from '@mui/icons-material/HealthAndSafety';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 参保 — registered people with their insurance enrollment in a year. */
const insurance: ResourcePages = {
  list: lazy(() => import('./InsuranceList')),
  create: lazy(() => import('./InsuranceCreate')),
  icon: HealthAndSafetyIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default insurance;
