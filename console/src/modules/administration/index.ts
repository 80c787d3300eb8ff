import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { lazy } from 'react';
import { createElement } from 'react';
import { hasRight, type Permissions } from '../../providers/permissions';
import type { ModuleDefinition } from '../types';
import audit from './audit';
import { auditApi } from './audit/audit.api';
import roles from './roles';
import { roleApi } from './roles/role.api';
import users from './users';
import { userApi } from './users/user.api';

const ScopesPage = lazy(() => import('./scopes/ScopesPage'));
const KeyRotationPage = lazy(() => import('./keys/KeyRotationPage'));
const securityEvents = [lazy(() => import('../../dashboard/SecurityEventsCard'))];

/**
 * 系统管理 — the gateway's users, roles, scopes and audit log (its own routes, no /api prefix),
 * and 密钥轮换 (each sealed service's /keys/reseal through /api/<service>).
 */
export const administration: ModuleDefinition = {
  name: 'administration',
  icon: AdminPanelSettingsIcon,
  resources: [
    {
      name: 'users',
      service: 'gateway',
      module: 'users',
      ...users,
      api: userApi,
      rights: { delete: null },
    },
    {
      name: 'roles',
      service: 'gateway',
      module: 'users',
      ...roles,
      api: roleApi,
      rights: { create: null, edit: null },
    },
    {
      name: 'audit',
      service: 'gateway',
      module: 'audit',
      ...audit,
      api: auditApi,
      rights: { create: null, edit: null },
    },
  ],
  pages: [
    {
      path: '/scopes',
      element: createElement(ScopesPage),
      label: 'resources.scopes.name',
      icon: AccountTreeIcon,
      needs: { module: 'users', right: 'read' },
    },
    {
      // 密钥轮换: the services' reseal needs the administrator's right (users.write).
      path: '/key-rotation',
      element: createElement(KeyRotationPage),
      label: 'keyRotation.name',
      icon: VpnKeyIcon,
      needs: { module: 'users', right: 'write' },
    },
  ],
  dashboard: (p: Permissions) => (hasRight(p, 'audit', 'read') ? securityEvents : []),
};
