import GroupsIcon from '@mui/icons-material/Groups';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 驻村工作队 — one team in office per village, its members each with their own term. */
const workTeams: ResourcePages = {
  list: lazy(() => import('./WorkTeamList')),
  show: lazy(() => import('./WorkTeamShow')),
  create: lazy(() => import('./WorkTeamCreate')),
  edit: lazy(() => import('./WorkTeamEdit')),
  icon: GroupsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name ?? r.unit),
};
export default workTeams;
