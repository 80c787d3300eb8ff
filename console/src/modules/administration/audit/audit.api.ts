import { dayToInstant } from '../../../common/format';
import type { GatewayApi } from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';
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

type AuditEntry = GatewayApi.components['schemas']['AuditEntry'];
export type AuditChainState = GatewayApi.components['schemas']['AuditChainState'];

/** The gateway's calls beyond react-admin's CRUD, as data-provider methods. */
export const auditCalls = {
  /** 近期登录失败与锁定 — the last eight failed sign-ins and lock-outs. */
  auditSecurityEvents: async (): Promise<AuditEntry[]> => {
    const q = new URLSearchParams({
      filter: JSON.stringify({ action: ['login_failed', 'account_locked'] }),
      range: '[0,7]',
      sort: '["at","DESC"]',
    });
    return (await httpClient(`/audit?${q}`)).json as AuditEntry[];
  },
  /** 审计链状态 — every service's audit chain verified now, and where one breaks. */
  auditChains: async (): Promise<AuditChainState[]> =>
    ((await httpClient('/audit/chains')).json as { items: AuditChainState[] }).items,
};
