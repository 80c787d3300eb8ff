import type { RaRecord } from 'react-admin';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { post } from '../support.api';
import type { HealthCaseKind } from './kinds';

const blanks = (o: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (o[k] === '') o[k] = null;
  return o;
};

/** The strict create and update bodies of one kind of health case. */
export const healthCaseApi = (kind: HealthCaseKind): ResourceApi => ({
  create: async (_resource, params) => {
    const body = blanks(
      pickKeys<Record<string, unknown>>(params.data, ['personId', ...kind.create]),
      kind.blanks,
    );
    return { data: (await post(kind.path, body)) as RaRecord };
  },
  updateBody: (data, previous) => {
    const body = blanks(changedFields(data, previous, kind.edit), kind.blanks);
    if (body[kind.endedOn] === null) delete body[kind.endedOn];
    return { ...body, revision: previous.revision };
  },
});
