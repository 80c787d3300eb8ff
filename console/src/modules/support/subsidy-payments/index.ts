import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';
import type { ResourcePages } from '../../types';

/** 资助发放 — subsidies paid to students per term, with the totals and the batch payment. */
const subsidyPayments: ResourcePages = {
  list: lazy(() => import('./PaymentList')),
  create: lazy(() => import('./PaymentCreate')),
  icon: PaymentsIcon,
};
export default subsidyPayments;
