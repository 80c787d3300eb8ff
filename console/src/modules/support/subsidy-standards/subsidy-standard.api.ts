import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { put } from '../support.api';

/** 设定资助标准 is a PUT on the collection: the same type, stage and term replaces the amount. */
export const standardApi: ResourceApi = {
  create: async (_resource, params) => {
    const body = pickKeys<Record<string, unknown>>(params.data, [
      'type',
      'stage',
      'fromTerm',
      'amountFen',
      'note',
    ]);
    if (body.note === '' || body.note === undefined) body.note = null;
    return { data: (await put('/education/subsidy-standards', body)) as RaRecord };
  },
};
