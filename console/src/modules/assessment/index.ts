import DescriptionIcon from '@mui/icons-material/Description';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import QueryStatsIcon from '@mui/icons-material/QueryStats';
import { createElement, lazy } from 'react';
import { hasRight, type Permissions } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import { complaintResource } from './complaints';
import accountabilityCases from './accountability';
import { inspectionPages, inspectionResources } from './inspections';
import rankings from './rankings';
import results from './results';
import { resultApi } from './results/result.api';
import schemes from './schemes';
import scheduleTasks from './tasks';

const common = { service: 'assessment', module: 'assessment' } as const;
const BulletinsPage = lazy(() => import('./bulletins/BulletinsPage'));
const PreviewPage = lazy(() => import('./preview/PreviewPage'));
const dashboardCards = [
  lazy(() => import('./dashboard/LatestRankingCard')),
  lazy(() => import('./tasks/TaskScheduleCard')),
];
const readOnly = { create: null, edit: null } as const;

/**
 * 考核评估 — the assessment service under /api/assessment: the schemes, quarterly rankings
 * with their yellow cards, each score explained down to its records, and the bulletins.
 */
export const assessment: ModuleDefinition = {
  name: 'assessment',
  icon: EmojiEventsIcon,
  registryView: true,
  resources: [
    { name: 'rankings', ...common, ...rankings, rights: readOnly },
    {
      name: 'ranking-results',
      ...common,
      ...results,
      api: resultApi,
      rights: readOnly,
      menu: false,
    },
    { name: 'assessment-schemes', path: 'schemes', ...common, ...schemes, rights: readOnly },
    complaintResource,
    { name: 'accountability-cases', ...common, ...accountabilityCases, rights: readOnly },
    ...inspectionResources,
    { name: 'schedule-tasks', path: 'tasks', ...common, ...scheduleTasks, rights: { edit: null } },
  ],
  pages: [
    {
      path: '/assessment-bulletins',
      element: createElement(BulletinsPage),
      label: 'assessment.bulletins.title',
      icon: DescriptionIcon,
      needs: { module: 'assessment', right: 'read' },
    },
    {
      path: '/assessment-preview',
      element: createElement(PreviewPage),
      label: 'assessment.preview.title',
      icon: QueryStatsIcon,
      needs: { module: 'assessment', right: 'read' },
    },
    ...inspectionPages,
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'assessment', 'read') ? dashboardCards : []),
};
