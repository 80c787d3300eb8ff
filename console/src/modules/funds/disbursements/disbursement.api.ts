import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { createWith } from '../funds.api';

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
