import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/** 近期登录失败与锁定 — for administrators and auditors. */
export default function SecurityEventsCard() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, loading, error } = useApi(() => calls.auditSecurityEvents(), [calls]);
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
