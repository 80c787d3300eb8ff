import SavingsIcon from '@mui/icons-material/Savings';
import { lazy } from 'react';
import type { Permissions } from '../../providers/permissions';
import { hasRight } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import batches, { batchApi } from './batches';
import disbursements, { disbursementApi } from './disbursements';
import findings from './findings';
import idleFunds, { idleApi } from './idle-funds';
import loans, { loanApi } from './loans';
import notices, { noticeApi } from './notices';
import projects, { projectApi } from './projects';
import transfers, { transferApi } from './transfers';

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
