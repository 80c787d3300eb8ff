import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import helpers, { helperApi } from './helpers';
import assistedHouseholds from './households';
import measures, { measureApi } from './measures';
import pairingImports from './pairing-imports';
import pairings, { pairingApi } from './pairings';
import plans, { planApi } from './plans';
import unvisited from './unvisited';
import villageAssignments, { villageAssignmentApi } from './village-assignments';
import visits, { visitApi } from './visits';
import workTeams, { workTeamApi } from './work-teams';

const common = { service: 'assistance', module: 'assistance' } as const;

const dashboardCards = [lazy(() => import('./VisitCoverageCard'))];

/** 帮扶管理 — the assistance service's resources, under /api/assistance. */
export const assistance: ModuleDefinition = {
  name: 'assistance',
  icon: VolunteerActivismIcon,
  registryView: true,
  resources: [
    {
      name: 'unvisited-households',
      ...common,
      ...unvisited,
      path: 'visits/unvisited',
      rights: { create: null, edit: null, show: null },
    },
    { name: 'visits', ...common, ...visits, api: visitApi, rights: { edit: null } },
    {
      name: 'assistance-households',
      ...common,
      ...assistedHouseholds,
      path: 'households',
      rights: { create: null, edit: null },
    },
    { name: 'pairings', ...common, ...pairings, api: pairingApi, rights: { edit: null } },
    {
      name: 'pairing-imports',
      ...common,
      ...pairingImports,
      path: 'imports',
      rights: { edit: null },
    },
    { name: 'helpers', ...common, ...helpers, api: helperApi },
    {
      name: 'village-assignments',
      ...common,
      ...villageAssignments,
      api: villageAssignmentApi,
      rights: { edit: null },
    },
    { name: 'work-teams', ...common, ...workTeams, api: workTeamApi },
    { name: 'plans', ...common, ...plans, api: planApi },
    { name: 'measures', ...common, ...measures, api: measureApi },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'assistance', 'read') ? dashboardCards : []),
};
