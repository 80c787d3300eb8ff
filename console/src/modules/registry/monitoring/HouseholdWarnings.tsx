import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { HouseholdRisk } from './monitoring.api';
import { FollowUpButton } from './risk/FollowUpButton';
import { FollowUpLog } from './risk/FollowUpLog';
import { HouseholdWarningList } from './risk/HouseholdWarningList';
import { RiskChecks } from './risk/RiskChecks';
import { RiskSummary } from './risk/RiskSummary';

function Section({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, minHeight: 36 }}>
        <Typography variant="subtitle1" component="h2">
          {translate(title)}
        </Typography>
        {action}
      </Box>
      {children}
    </Box>
  );
}

/** The panel's state while it loads or when the registry refused it. */
function NotLoaded({ error }: { error: unknown }) {
  const translate = useTranslate();
  if (!error) return <Spinner />;
  const p = problemOf(error);
  return (
    <Alert severity="error">{p ? pick(p.message) : translate('ra.notification.http_error')}</Alert>
  );
}

/**
 * 返贫风险 — the household's risk (months of stable income against the months a removal needs,
 * the monitoring line, open warnings, the last home check) and the 风险消除 conditions above its
 * warnings, and below them the follow-up log, where users with the write right record a month.
 * Nothing is read without the registry's read right.
 */
export function HouseholdWarnings() {
  const household = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  const calls = useCalls();
  const id = household ? String(household.id) : null;
  const mayRead = hasRight(permissions, 'registry', 'read');
  const risk = useApi<HouseholdRisk>(
    id && mayRead ? () => calls.monitoringHouseholdRisk(id) : null,
    [id, mayRead, household?.revision],
  );
  if (!id || !mayRead) return null;
  const data = risk.data;
  return (
    <Box data-testid="household-risk" sx={{ display: 'grid', gap: 3, py: 1 }}>
      <Section title="monitoring.risk.summary">
        {data ? (
          <Box sx={{ display: 'grid', gap: 3 }}>
            <RiskSummary risk={data} />
            <RiskChecks checks={data.checks} />
          </Box>
        ) : (
          <NotLoaded error={risk.error} />
        )}
      </Section>
      <Divider />
      <Section title="monitoring.household.title">
        <HouseholdWarningList />
      </Section>
      <Divider />
      <Section
        title="monitoring.risk.log.title"
        action={
          hasRight(permissions, 'registry', 'write') ? (
            <FollowUpButton householdId={id} onRecorded={risk.reload} />
          ) : null
        }
      >
        {data ? <FollowUpLog followUps={data.followUps} lineFen={data.monitoringLineFen} /> : null}
      </Section>
    </Box>
  );
}
