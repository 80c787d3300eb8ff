import type { ResourceApi } from '../../types';
import { createWith } from '../funds.api';

export const transferApi: ResourceApi = {
  create: createWith('transfers', [
    'fromProjectId',
    'toProjectId',
    'source',
    'amountFen',
    'reason',
    'documentNo',
  ]),
};
