import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 帮扶对象 — the registry's households as assistance sees them: helpers, measures, visits. */
const assistedHouseholds: ResourcePages = {
  list: lazy(() => import('./AssistedHouseholdList')),
  show: lazy(() => import('./AssistedHouseholdShow')),
  icon: FamilyRestroomIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.householdNo)} ${String(r.headName ?? '')}`.trim(),
};
export default assistedHouseholds;
