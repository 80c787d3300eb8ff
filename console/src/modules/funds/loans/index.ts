import CreditScoreIcon from '@mui/icons-material/CreditScore';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 扶贫贷款 — micro-credit and party-member loans with their schedule and repayments. */
const loans: ResourcePages = {
  list: lazy(() => import('./LoanList')),
  show: lazy(() => import('./LoanShow')),
  create: lazy(() => import('./LoanCreate')),
  icon: CreditScoreIcon,
  recordRepresentation: (r: RaRecord) => String(r.contractNo),
};
export default loans;
