import type { RaRecord } from 'react-admin';
import type { GatewayApi } from '../../../providers/api-types';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';

type User = GatewayApi.components['schemas']['User'];
type UserCreate = GatewayApi.components['schemas']['UserCreate'];

const emptyRights = (r: unknown) =>
  !r || (typeof r === 'object' && Object.keys(r as object).length === 0);

/**
 * POST /users answers the user and its one-time initial password; the console keeps the
 * password beside the record for the page that shows it once.
 */
export const userApi: ResourceApi = {
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    const body = pickKeys<UserCreate>(d, [
      'username',
      'displayName',
      'roles',
      'department',
      'areaCode',
      'rights',
    ]);
    if (emptyRights(body.rights)) delete body.rights;
    if (!body.department) delete body.department;
    const { json } = await httpClient('/users', { method: 'POST', body: JSON.stringify(body) });
    const created = json as { user: User; initialPassword: string };
    return { data: { ...created.user, initialPassword: created.initialPassword } as RaRecord };
  },
  updateBody: (data, previous) => ({
    ...changedFields(data, previous, [
      'displayName',
      'roles',
      'department',
      'areaCode',
      'rights',
      'status',
    ]),
    revision: previous.revision,
  }),
};

/** The gateway's user calls beyond react-admin's CRUD, as data-provider methods. */
export const userCalls = {
  /** 重置密码 — answers the new one-time initial password; every session of the user ends. */
  userResetPassword: async (id: string) =>
    (await httpClient(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' }))
      .json as { initialPassword: string },
  /** 解锁 of a user locked out after failed sign-ins. */
  userUnlock: async (id: string) =>
    (await httpClient(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' })).json as User,
};
