import HomeWorkIcon from '@mui/icons-material/HomeWork';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import RuleIcon from '@mui/icons-material/Rule';
import { createElement, lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import areas from './areas';
import { areaApi } from './areas/area.api';
import exitTargets from './exit-targets';
import { exitTargetApi } from './exit-targets/exit-target.api';
import households from './households';
import { householdApi } from './households/household.api';
import imports from './imports';
import villages from './villages';
import { villageApi } from './villages/village.api';

const common = { service: 'registry', module: 'registry' } as const;

/** What a registry reader sees on the dashboard; each chart loads on its own. */
const dashboardCards = [
  lazy(() => import('../../dashboard/RegistryTotalsCard')),
  lazy(() => import('../../dashboard/HouseholdsByStatusChart')),
  lazy(() => import('../../dashboard/HouseholdsByCauseChart')),
  lazy(() => import('../../dashboard/IncidenceByTownshipChart')),
  lazy(() => import('../../dashboard/ExitsAgainstTargetChart')),
  lazy(() => import('./exit-targets/ExitProgressCard')),
];

const ExitConditionsPage = lazy(() => import('./villages/ExitConditionsPage'));
const CandidateLeadsPage = lazy(() => import('./households/CandidateLeadsPage'));

/** 建档立卡 — the registry service's resources, under /api/registry. */
export const registry: ModuleDefinition = {
  name: 'registry',
  icon: HomeWorkIcon,
  resources: [
    { name: 'households', ...common, ...households, api: householdApi },
    { name: 'villages', ...common, ...villages, api: villageApi, rights: { create: null } },
    { name: 'areas', ...common, ...areas, api: areaApi },
    { name: 'imports', ...common, ...imports, rights: { edit: null } },
    {
      name: 'exit-targets',
      ...common,
      ...exitTargets,
      api: exitTargetApi,
      rights: { create: 'approve', edit: 'approve', show: null },
    },
  ],
  pages: [
    {
      path: '/village-exit-conditions',
      element: createElement(ExitConditionsPage),
      label: 'village_exit.conditions.title',
      icon: RuleIcon,
      needs: { module: 'registry', right: 'read' },
    },
    {
      path: '/candidate-leads',
      element: createElement(CandidateLeadsPage),
      label: 'clearance.leads.title',
      icon: PersonSearchIcon,
      needs: { module: 'registry', right: 'read' },
    },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'registry', 'read') ? dashboardCards : []),
};
