import LocalLibraryIcon from '@mui/icons-material/LocalLibrary';
import ShieldIcon from '@mui/icons-material/Shield';
import { createElement, lazy } from 'react';
import { hasRight, type Permissions } from '../../providers/permissions';
import type { Claims } from '../../providers/session';
import type { ModuleDefinition } from '../types';
import dropoutCases from './dropout-cases';
import enrollments from './enrollments';
import { chronicCare, seriousIllness } from './health-cases';
import { healthCaseApi } from './health-cases/health-case.api';
import { HEALTH_CASE_KINDS } from './health-cases/kinds';
import imports from './imports';
import inpatientEpisodes from './inpatient-episodes';
import { episodeApi } from './inpatient-episodes/episode.api';
import insurance from './insurance';
import { insuranceApi } from './insurance/insurance.api';
import persons from './persons';
import students from './students';
import { studentApi } from './students/student.api';
import subsidyPayments from './subsidy-payments';
import { paymentApi } from './subsidy-payments/subsidy-payment.api';
import subsidyStandards from './subsidy-standards';
import { standardApi } from './subsidy-standards/subsidy-standard.api';
import { seesHalf } from './support.api';

const common = { service: 'support', module: 'support' } as const;
/** The menu shows department staff their own half only; the office and townships see both. */
const education = { ...common, visibleTo: (p: Claims) => seesHalf(p, 'education') };
const health = { ...common, visibleTo: (p: Claims) => seesHalf(p, 'health') };

const EducationSupportCard = lazy(() => import('./dashboard/EducationSupportCard'));
const HealthSupportCard = lazy(() => import('./dashboard/HealthSupportCard'));
const CoveragePage = lazy(() => import('./coverage/CoveragePage'));

/**
 * 教育健康 — the support service under /api/support: 教育扶贫 (students, enrollment, subsidies,
 * 控辍保学) and 健康扶贫 (insurance coverage, in-patient top-ups, chronic care, serious
 * illness), and the department list imports. Department staff work in their own half.
 */
export const support: ModuleDefinition = {
  name: 'support',
  icon: LocalLibraryIcon,
  registryView: true,
  resources: [
    {
      name: 'support-students',
      path: 'education/students',
      ...education,
      ...students,
      api: studentApi,
    },
    {
      name: 'support-enrollments',
      path: 'education/enrollments',
      ...education,
      ...enrollments,
      rights: { create: null, edit: null, show: null },
    },
    {
      name: 'support-subsidy-payments',
      path: 'education/subsidy-payments',
      ...education,
      ...subsidyPayments,
      api: paymentApi,
      rights: { edit: null, show: null },
    },
    {
      name: 'support-subsidy-standards',
      path: 'education/subsidy-standards',
      ...education,
      ...subsidyStandards,
      api: standardApi,
      rights: { edit: null, show: null },
    },
    {
      name: 'support-dropout-cases',
      path: 'education/dropout-cases',
      ...education,
      ...dropoutCases,
      rights: { edit: null },
    },
    {
      name: 'support-insurance',
      path: 'health/insurance',
      ...health,
      ...insurance,
      api: insuranceApi,
      rights: { edit: null, show: null },
    },
    {
      name: 'support-inpatient-episodes',
      path: 'health/inpatient-episodes',
      ...health,
      ...inpatientEpisodes,
      api: episodeApi,
    },
    {
      name: 'support-chronic-care',
      path: 'health/chronic-care-contracts',
      ...health,
      ...chronicCare,
      api: healthCaseApi(HEALTH_CASE_KINDS['support-chronic-care']),
    },
    {
      name: 'support-serious-illness',
      path: 'health/serious-illness-cases',
      ...health,
      ...seriousIllness,
      api: healthCaseApi(HEALTH_CASE_KINDS['support-serious-illness']),
    },
    { name: 'support-imports', path: 'imports', ...common, ...imports, rights: { edit: null } },
    { name: 'support-persons', path: 'persons', ...common, ...persons, menu: false },
  ],
  pages: [
    {
      path: '/support-coverage',
      element: createElement(CoveragePage),
      label: 'resources.support-coverage.name',
      icon: ShieldIcon,
      needs: { module: 'support', right: 'read' },
      visibleTo: health.visibleTo,
    },
  ],
  dashboard: (p: Permissions) =>
    hasRight(p, 'support', 'read')
      ? [
          ...(seesHalf(p, 'education') ? [EducationSupportCard] : []),
          ...(seesHalf(p, 'health') ? [HealthSupportCard] : []),
        ]
      : [],
};
