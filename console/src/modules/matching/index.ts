import InsightsIcon from '@mui/icons-material/Insights';
import JoinInnerIcon from '@mui/icons-material/JoinInner';
import { createElement, lazy } from 'react';
import { hasRight, type Permissions } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import findings from './findings';
import lists from './lists';
import runs from './runs';

const common = { service: 'matching', module: 'matching' } as const;
const dashboardCards = [lazy(() => import('./dashboard/OpenFindingsCard'))];
const QualityPage = lazy(() => import('./quality/QualityPage'));

/**
 * 数据比对 — the matching service under /api/matching: department lists (upload with column
 * mapping, row report), runs with live progress, findings with their two-reviewer workflow,
 * and 规则质量 (how many of each rule's findings were confirmed or dismissed).
 */
export const matching: ModuleDefinition = {
  name: 'matching',
  icon: JoinInnerIcon,
  registryView: true,
  resources: [
    {
      name: 'matching-findings',
      path: 'findings',
      ...common,
      ...findings,
      rights: { create: null, edit: null },
    },
    {
      name: 'department-lists',
      path: 'lists',
      ...common,
      ...lists,
      rights: { edit: null },
    },
    {
      name: 'matching-runs',
      path: 'runs',
      ...common,
      ...runs,
      rights: { create: null, edit: null },
    },
  ],
  pages: [
    {
      path: '/matching-quality',
      element: createElement(QualityPage),
      label: 'matching.quality.title',
      icon: InsightsIcon,
      needs: { module: 'matching', right: 'read' },
    },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'matching', 'read') ? dashboardCards : []),
};
