import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 资金下达 — a funding batch (文号) and its allocation to projects, with arrivals (到位). */
const batches: ResourcePages = {
  list: lazy(() => import('./BatchList')),
  show: lazy(() => import('./BatchShow')),
  create: lazy(() => import('./BatchCreate')),
  icon: AccountBalanceIcon,
  recordRepresentation: (r: RaRecord) => String(r.documentNo),
};
export default batches;
