import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';
import type { ResourcePages } from '../../types';

/** 资助标准 — the standard amount per subsidy type and stage from a term on. */
const subsidyStandards: ResourcePages = {
  list: lazy(() => import('./StandardList')),
  create: lazy(() => import('./StandardCreate')),
  icon: RuleIcon,
};
export default subsidyStandards;
