import { dayToInstant } from '../../../common/format';
import type { ResourceApi } from '../../types';

/** The search form picks days (Asia/Shanghai); the API takes instants. */
export const auditApi: ResourceApi = {
  listFilter: (filter) => {
    const out = { ...filter };
    if (typeof out.from === 'string' && out.from) out.from = dayToInstant(out.from);
    if (typeof out.to === 'string' && out.to) out.to = dayToInstant(out.to, true);
    if (Array.isArray(out.action) && out.action.length === 0) delete out.action;
    return out;
  },
};
