import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 考核方案 — the year's indicators, weights, rules, ranked units and per-unit targets. */
const schemes: ResourcePages = {
  list: lazy(() => import('./SchemeList')),
  show: lazy(() => import('./SchemeShow')),
  icon: RuleIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default schemes;
