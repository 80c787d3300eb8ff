import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 问责案件 — a case for each unit held accountable after two yellow cards in a row, with the
 * two rankings behind it, the office's decision, its follow-up and its closing.
 */
const accountabilityCases: ResourcePages = {
  list: lazy(() => import('./CaseList')),
  show: lazy(() => import('./CaseShow')),
  icon: GavelIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String((r.unit as { name?: string } | undefined)?.name ?? '')} ${String(r.quarterKey ?? '')}`,
};
export default accountabilityCases;
