import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 资金调剂 — money moved from one project to another: requested by one person, approved (and
 * executed on the projects' ledgers) or refused by a second. The API has no single-transfer
 * read, so the list is where a transfer is seen and decided.
 */
const transfers: ResourcePages = {
  list: lazy(() => import('./TransferList')),
  create: lazy(() => import('./TransferCreate')),
  icon: SwapHorizIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.fromProjectCode ?? '')} → ${String(r.toProjectCode ?? '')}`,
};
export default transfers;
