import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { pick } from '../../../../providers/problem';
import type { ScreeningRun } from '../monitoring.api';

/** Who asked: a person's name, or 每月自动筛查 for the monthly job. */
export function RequestedByField() {
  const translate = useTranslate();
  const run = useRecordContext<ScreeningRun>();
  if (!run) return null;
  return (
    <Typography component="span" variant="body2">
      {run.requestedBy === 'scheduler'
        ? translate('resources.monitoring-screenings.scheduler')
        : run.requestedBy}
    </Typography>
  );
}

/** Why a run was not run or failed, in the user's language (the service says it in both). */
export function RunErrorField() {
  const run = useRecordContext<ScreeningRun>();
  if (!run?.error?.message) return <Typography variant="body2">—</Typography>;
  return (
    <Typography
      component="span"
      variant="body2"
      color={run.status === 'failed' ? 'error' : 'warning.main'}
    >
      {pick(run.error.message)}
    </Typography>
  );
}
