import SavingsIcon from '@mui/icons-material/Savings';
import { lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import batches from './batches';
import { batchApi } from './batches/batch.api';
import disbursements from './disbursements';
import { disbursementApi } from './disbursements/disbursement.api';
import findings from './findings';
import idleFunds from './idle-funds';
import { idleApi } from './idle-funds/idle-funds.api';
import loans from './loans';
import { loanApi } from './loans/loan.api';
import notices from './notices';
import { noticeApi } from './notices/notice.api';
import projects from './projects';
import slowProjects from './slow-projects';
import { projectApi } from './projects/project.api';
import transfers from './transfers';
import { transferApi } from './transfers/transfer.api';

const common = { service: 'funds', module: 'funds' } as const;

const dashboardCards = [lazy(() => import('./DisbursementRateCard'))];

/** 项目资金 — the funds service's resources, under /api/funds. */
export const funds: ModuleDefinition = {
  name: 'funds',
  icon: SavingsIcon,
  registryView: true,
  resources: [
    { name: 'projects', ...common, ...projects, api: projectApi },
    { name: 'batches', ...common, ...batches, api: batchApi, rights: { edit: null } },
    {
      name: 'disbursements',
      ...common,
      ...disbursements,
      api: disbursementApi,
      rights: { edit: null },
    },
    {
      name: 'idle-funds',
      ...common,
      ...idleFunds,
      path: 'idle-funds/runs',
      api: idleApi,
      rights: { create: null, edit: null },
    },
    {
      name: 'slow-projects',
      ...common,
      ...slowProjects,
      path: 'projects/slow',
      rights: { create: null, edit: null, show: null },
    },
    {
      name: 'transfers',
      ...common,
      ...transfers,
      api: transferApi,
      rights: { show: null, edit: null },
    },
    {
      name: 'fund-findings',
      ...common,
      ...findings,
      path: 'findings',
      rights: { create: null, edit: null },
    },
    { name: 'loans', ...common, ...loans, api: loanApi, rights: { edit: null } },
    { name: 'notices', ...common, ...notices, api: noticeApi, rights: { edit: null } },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'funds', 'read') ? dashboardCards : []),
};
