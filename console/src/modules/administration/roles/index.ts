import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 角色 — the roles' catalogue: scope levels and default rights (read-only; the gateway defines them). */
const roles: ResourcePages = {
  list: lazy(() => import('./RoleList')),
  show: lazy(() => import('./RoleShow')),
  icon: BadgeIcon,
  recordRepresentation: (r: RaRecord) => String(r.zh),
};
export default roles;
