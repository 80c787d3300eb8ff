import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 贫困户 — registered households with their members, workflows and history. */
const households: ResourcePages = {
  list: lazy(() => import('./HouseholdList')),
  show: lazy(() => import('./HouseholdShow')),
  edit: lazy(() => import('./HouseholdEdit')),
  create: lazy(() => import('./HouseholdCreate')),
  icon: FamilyRestroomIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.householdNo)} ${String(r.headName ?? '')}`.trim(),
};
export default households;
