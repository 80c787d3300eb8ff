import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { createWith } from '../funds.api';

/** 资金下达 — a funding batch (文号) and its allocation to projects, with arrivals (到位). */
const batches: ResourcePages = {
  list: lazy(() => import('./BatchList')),
  show: lazy(() => import('./BatchShow')),
  create: lazy(() => import('./BatchCreate')),
  icon: AccountBalanceIcon,
  recordRepresentation: (r: RaRecord) => String(r.documentNo),
};
export default batches;

export const batchApi: ResourceApi = {
  create: createWith(
    'batches',
    ['documentNo', 'title', 'source', 'amountFen', 'issuedOn', 'issuer'],
    (d) => ({
      allocations: (Array.isArray(d.allocations) ? d.allocations : []).map((a) =>
        pickKeys(a, ['projectId', 'amountFen']),
      ),
    }),
  ),
};
