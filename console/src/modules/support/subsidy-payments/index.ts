import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { post } from '../support.api';

/** 资助发放 — subsidies paid to students per term, with the totals and the batch payment. */
const subsidyPayments: ResourcePages = {
  list: lazy(() => import('./PaymentList')),
  create: lazy(() => import('./PaymentCreate')),
  icon: PaymentsIcon,
};
export default subsidyPayments;

/** 发放资助: the amount may be left out (the standard is paid). */
export const paymentApi: ResourceApi = {
  create: async (_resource, params) => {
    const body = pickKeys<Record<string, unknown>>(params.data, [
      'studentId',
      'type',
      'term',
      'amountFen',
      'paidOn',
      'department',
    ]);
    if (body.amountFen === null || body.amountFen === undefined) delete body.amountFen;
    return { data: (await post('/education/subsidy-payments', body)) as RaRecord };
  },
};
