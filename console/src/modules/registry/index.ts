import FolderSharedIcon from '@mui/icons-material/FolderShared';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RuleIcon from '@mui/icons-material/Rule';
import TuneIcon from '@mui/icons-material/Tune';
import { createElement, lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight, isCountyWide } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import areas from './areas';
import { areaApi } from './areas/area.api';
import exitTargets from './exit-targets';
import { exitTargetApi } from './exit-targets/exit-target.api';
import households from './households';
import { householdApi } from './households/household.api';
import imports from './imports';
import disasters from './monitoring/disasters';
import screenings from './monitoring/screenings';
import warnings from './monitoring/warnings';
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
  lazy(() => import('../../dashboard/MonitoringWarningsCard')),
];

const ExitConditionsPage = lazy(() => import('./villages/ExitConditionsPage'));
const CandidateLeadsPage = lazy(() => import('./households/CandidateLeadsPage'));
const MonitoringRulesPage = lazy(() => import('./monitoring/rules/RulesPage'));
const DossierPage = lazy(() => import('./dossier/DossierPage'));
const BenefitLedgerPage = lazy(() => import('./ledger/BenefitLedgerPage'));
const ConsistencyCheckPage = lazy(() => import('./consistency/ConsistencyCheckPage'));

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
    // 防返贫监测预警: warnings verified by townships, the county's screenings, disasters.
    {
      name: 'monitoring-warnings',
      path: 'monitoring/warnings',
      ...common,
      ...warnings,
      rights: { create: null, edit: null },
    },
    {
      name: 'monitoring-screenings',
      path: 'monitoring/screenings',
      ...common,
      ...screenings,
      rights: { create: null, edit: null, show: null },
      visibleTo: isCountyWide,
    },
    {
      name: 'monitoring-disasters',
      path: 'monitoring/disasters',
      ...common,
      ...disasters,
      rights: { edit: null, show: null },
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
    {
      path: '/monitoring-rules',
      element: createElement(MonitoringRulesPage),
      label: 'monitoring.rules.title',
      icon: TuneIcon,
      needs: { module: 'registry', right: 'read' },
    },
    {
      // 受益底册核对: a village's or township's measures against the funds' payments.
      path: '/benefit-ledger',
      element: createElement(BenefitLedgerPage),
      label: 'benefit_ledger.title',
      icon: ReceiptLongIcon,
      needs: { module: 'registry', right: 'read' },
    },
    {
      // 一户一档核对: a village's or township's dossiers checked part against part, by a job.
      path: '/consistency-check',
      element: createElement(ConsistencyCheckPage),
      label: 'consistency_check.title',
      icon: FactCheckIcon,
      needs: { module: 'registry', right: 'read' },
    },
    {
      // 一户一档: reached from a household's page (its tab is the last segment), not the menu.
      path: '/households/:id/dossier/*',
      element: createElement(DossierPage),
      label: 'dossier.title',
      icon: FolderSharedIcon,
      needs: { module: 'registry', right: 'read' },
      menu: false,
    },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'registry', 'read') ? dashboardCards : []),
};
