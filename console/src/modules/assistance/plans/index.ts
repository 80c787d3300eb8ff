import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 一户一策 — a household's plan: causes, yearly targets, progress, every version kept. */
const plans: ResourcePages = {
  list: lazy(() => import('./PlanList')),
  show: lazy(() => import('./PlanShow')),
  edit: lazy(() => import('./PlanEdit')),
  create: lazy(() => import('./PlanCreate')),
  icon: AssignmentIcon,
  recordRepresentation: (r: RaRecord) => String(r.householdNo),
};
export default plans;
