import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 挂包安排 — who is attached to a village and for which term: 驻村第一书记 (one in office per
 * village), 领导挂点 and 部门包村; a term is ended with a reason.
 */
const villageAssignments: ResourcePages = {
  list: lazy(() => import('./VillageAssignmentList')),
  show: lazy(() => import('./VillageAssignmentShow')),
  create: lazy(() => import('./VillageAssignmentCreate')),
  icon: AssignmentIndIcon,
  recordRepresentation: (r: RaRecord) => String(r.personName ?? r.unit),
};
export default villageAssignments;
