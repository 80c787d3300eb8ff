import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { post } from '../support.api';

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
