import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { httpClient } from '../providers/http';
import type { GatewayApi } from '../providers/api-types';
import { DashboardCard } from './DashboardCard';

type AuditEntry = GatewayApi.components['schemas']['AuditEntry'];

const load = async () => {
  const q = new URLSearchParams({
    filter: JSON.stringify({ action: ['login_failed', 'account_locked'] }),
    range: '[0,7]',
    sort: '["at","DESC"]',
  });
  return (await httpClient(`/audit?${q}`)).json as AuditEntry[];
};

/** 近期登录失败与锁定 — for administrators and auditors. */
export default function SecurityEventsCard() {
  const translate = useTranslate();
  const { data, loading, error } = useApi(load, []);
  return (
    <DashboardCard
      title="dashboard.security_events"
      loading={loading}
      error={error}
      empty={!data?.length}
    >
      <List dense>
        {(data ?? []).map((e) => (
          <ListItem key={e.id} disableGutters>
            <ListItemText
              primary={`${translate(`enums.AuditAction.${e.action}`)} · ${e.actorName ?? e.actorId}`}
              secondary={`${formatDateTime(e.at)}${
                e.reason
                  ? ` · ${translate(`enums.AuditReason.${e.reason.trim().toLowerCase().replace(/\s+/g, '_')}`, { _: e.reason })}`
                  : ''
              }`}
            />
          </ListItem>
        ))}
      </List>
    </DashboardCard>
  );
}
