import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { createElement, lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ModulePage, ResourceDefinition } from '../../types';
import { inspectionApi, planApi, rectificationApi } from './inspections.api';

const common = { service: 'assessment', module: 'assessment' } as const;
const UnitsPage = lazy(() => import('./RectificationUnitsPage'));

/**
 * 督查 — 督查计划, 督查记录 (findings, photos, a rectification opened from a finding) and
 * 整改通知 (evidence, review by another person), under the assessment's rights.
 */
export const inspectionResources: ResourceDefinition[] = [
  {
    name: 'inspection-plans',
    ...common,
    list: lazy(() => import('./PlanList')),
    show: lazy(() => import('./PlanShow')),
    create: lazy(() => import('./PlanCreate')),
    icon: EventNoteIcon,
    recordRepresentation: (r: RaRecord) => String(r.name),
    api: planApi,
    rights: { edit: null },
  },
  {
    name: 'inspections',
    ...common,
    list: lazy(() => import('./InspectionList')),
    show: lazy(() => import('./InspectionShow')),
    create: lazy(() => import('./InspectionCreate')),
    icon: FactCheckIcon,
    recordRepresentation: (r: RaRecord) => `${String(r.inspectedOn)} ${String(r.inspectorUnit)}`,
    api: inspectionApi,
    rights: { edit: null },
  },
  {
    name: 'rectifications',
    ...common,
    list: lazy(() => import('./RectificationList')),
    show: lazy(() => import('./RectificationShow')),
    icon: AssignmentTurnedInIcon,
    recordRepresentation: (r: RaRecord) => String(r.findingText),
    api: rectificationApi,
    rights: { create: null, edit: null },
  },
];

export const inspectionPages: ModulePage[] = [
  {
    path: '/rectification-units',
    element: createElement(UnitsPage),
    label: 'assessment.rectification_units.title',
    icon: LeaderboardIcon,
    needs: { module: 'assessment', right: 'read' },
  },
];
