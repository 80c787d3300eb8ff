import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 项目库 — projects from proposal to acceptance, with their funding ledger. */
const projects: ResourcePages = {
  list: lazy(() => import('./ProjectList')),
  show: lazy(() => import('./ProjectShow')),
  edit: lazy(() => import('./ProjectEdit')),
  create: lazy(() => import('./ProjectCreate')),
  icon: AccountTreeIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.code)} ${String(r.name)}`,
};
export default projects;
