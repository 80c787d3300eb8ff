import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { createWith } from '../funds.api';

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
