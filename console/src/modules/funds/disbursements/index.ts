import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { createWith } from '../funds.api';

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

export const disbursementApi: ResourceApi = {
  create: createWith(
    'disbursements',
    ['projectId', 'source', 'amountFen', 'purpose', 'payeeKind', 'voucherFileIds'],
    (d) => {
      const payee = pickKeys<{ name?: string; bankAccount?: string | null }>(d.payee ?? {}, [
        'name',
        'bankAccount',
      ]);
      return payee.name
        ? { payee: { name: payee.name, bankAccount: payee.bankAccount ? payee.bankAccount : null } }
        : {};
    },
  ),
};
