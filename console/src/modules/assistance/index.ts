import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import { createElement, lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import helpers from './helpers';
import { helperApi } from './helpers/helper.api';
import assistedHouseholds from './households';
import measures from './measures';
import { measureApi } from './measures/measure.api';
import pairingImports from './pairing-imports';
import pairings from './pairings';
import { pairingApi } from './pairings/pairing.api';
import plans from './plans';
import { planApi } from './plans/plan.api';
import unvisited from './unvisited';
import villageAssignments from './village-assignments';
import { villageAssignmentApi } from './village-assignments/village-assignment.api';
import visits from './visits';
import { visitApi } from './visits/visit.api';
import workTeams from './work-teams';
import { workTeamApi } from './work-teams/work-team.api';

const common = { service: 'assistance', module: 'assistance' } as const;

const dashboardCards = [lazy(() => import('./VisitCoverageCard'))];
const UnconfirmedPaymentsPage = lazy(() => import('./receipts/UnconfirmedPaymentsPage'));

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
  pages: [
    {
      // 截留预警: the gateway's list joins every service's paid rows (its right is the registry's).
      path: '/unconfirmed-payments',
      element: createElement(UnconfirmedPaymentsPage),
      label: 'assistance.unconfirmed.title',
      icon: ReportProblemIcon,
      needs: { module: 'registry', right: 'read' },
    },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'assistance', 'read') ? dashboardCards : []),
};
