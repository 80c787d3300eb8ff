import type { RaRecord } from 'react-admin';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';

/** The catalogue is one small list (GET /roles); a role is read from it. */
export const roleApi: ResourceApi = {
  getOne: async (_resource, params) => {
    const { json } = await httpClient('/roles');
    const found = (json as RaRecord[]).find((r) => r.id === params.id);
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return { data: found };
  },
};
