import Grid from '@mui/material/Grid';
import { Labeled, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router';
import { AreaField, DateTimeField, EnumField } from '../../../../common/fields';
import { Show } from '../../../../common/Show';
import type { MonitoringWarning } from '../monitoring.api';
import { DueOnField } from './DueOnField';
import { WarningDecisionButtons } from './WarningDecisionButtons';
import { WarningDecisionPanel } from './WarningDecisionPanel';
import { WarningDueButton } from './WarningDueButton';
import { WarningHistory } from './WarningHistory';
import { WarningSignals } from './WarningSignals';

/** The household's number, opening the household. */
function HouseholdLink() {
  const w = useRecordContext<MonitoringWarning>();
  if (!w) return null;
  return <Link to={`/households/${encodeURIComponent(w.householdId)}/show`}>{w.householdNo}</Link>;
}

/**
 * 防返贫预警 — the household, each signal with its facts in the user's language, the deadline,
 * the township's decision and the history; 确认纳入监测 / 排除预警 while it is open, and the county's
 * 督办 (a new deadline).
 */
export default function WarningShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <WarningDueButton />
          <WarningDecisionButtons />
        </TopToolbar>
      }
    >
      <Grid container columnSpacing={4}>
        <Grid size={{ xs: 12, md: 5 }}>
          <SimpleShowLayout>
            <Labeled source="householdNo">
              <HouseholdLink />
            </Labeled>
            <TextField source="headName" emptyText="—" />
            <AreaField source="areaCode" />
            <AreaField source="townshipCode" />
            <EnumField source="householdStatus" name="HouseholdStatus" />
            <EnumField source="status" name="MonitoringWarningStatus" chip />
            <EnumField source="suggestedCategory" name="MonitoringCategory" />
            <Labeled source="dueOn">
              <DueOnField />
            </Labeled>
            <DateTimeField source="raisedAt" />
            <DateTimeField source="lastScreenedAt" />
          </SimpleShowLayout>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }} sx={{ px: 2, pb: 2 }}>
          <WarningSignals />
          <WarningDecisionPanel />
          <WarningHistory />
        </Grid>
      </Grid>
    </Show>
  );
}
