import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 用户 — who signs in: roles, department, area scope and rights per module. */
const users: ResourcePages = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  edit: lazy(() => import('./UserEdit')),
  create: lazy(() => import('./UserCreate')),
  icon: PeopleIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.displayName)}（${String(r.username)}）`,
};
export default users;
