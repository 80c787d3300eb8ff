import GroupsIcon from '@mui/icons-material/Groups';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourceApi, ResourcePages } from '../../types';
import { compact, createWith } from '../assistance.api';

/** 驻村工作队 — one team in office per village, its members each with their own term. */
const workTeams: ResourcePages = {
  list: lazy(() => import('./WorkTeamList')),
  show: lazy(() => import('./WorkTeamShow')),
  create: lazy(() => import('./WorkTeamCreate')),
  icon: GroupsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name ?? r.unit),
};
export default workTeams;

const MEMBER_KEYS = ['name', 'helperId', 'role', 'unit', 'from', 'to'] as const;

export const workTeamApi: ResourceApi = {
  create: createWith('work-teams', ['areaCode', 'name', 'unit', 'termStart', 'termEnd'], (d) => ({
    members: (Array.isArray(d.members) ? (d.members as Record<string, unknown>[]) : []).map((m) =>
      compact(m, MEMBER_KEYS),
    ),
  })),
};
