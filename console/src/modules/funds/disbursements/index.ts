import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 资金拨付 — payments under the reimbursement rule (报账制): vouchers, then a second person's approval. */
const disbursements: ResourcePages = {
  list: lazy(() => import('./DisbursementList')),
  show: lazy(() => import('./DisbursementShow')),
  create: lazy(() => import('./DisbursementCreate')),
  icon: PaymentsIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.projectCode ?? '')} ${String(r.purpose ?? '')}`,
};
export default disbursements;
