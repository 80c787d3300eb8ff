import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useGetOne, useTranslate } from 'react-admin';
import { formatCount } from '../../../../common/format';
import { pick } from '../../../../providers/problem';
import type { ScreeningRun } from '../monitoring.api';
import { isScreeningFinished } from '../rule-counts';

/**
 * A requested screening until it ends: read every second while it runs, then what it did — or
 * why it was not run (support's data behind) or failed, in the user's language.
 */
export function ScreeningProgress({ queued }: { queued: ScreeningRun }) {
  const translate = useTranslate();
  const { data } = useGetOne<ScreeningRun>(
    'monitoring-screenings',
    { id: queued.id },
    {
      placeholderData: queued,
      refetchInterval: (query) => (isScreeningFinished(query.state.data?.status) ? false : 1000),
    },
  );
  const run = data ?? queued;
  const t = (k: string, o?: object) => translate(`monitoring.screen.${k}`, o);
  return (
    <Box data-testid="screening-progress" data-status={run.status}>
      {run.status === 'running' ? (
        <>
          <LinearProgress sx={{ my: 2, height: 8, borderRadius: 4 }} />
          <Alert severity="info">{t('running')}</Alert>
        </>
      ) : run.status === 'done' ? (
        <Alert severity="success">
          {t('done', {
            screened: formatCount(run.screened),
            raised: formatCount(run.raised),
            updated: formatCount(run.updated),
          })}
        </Alert>
      ) : (
        <Alert severity={run.status === 'refused' ? 'warning' : 'error'} role="alert">
          {t(run.status === 'refused' ? 'refused' : 'failed', {
            message: pick(run.error?.message, translate('ra.notification.http_error')),
          })}
        </Alert>
      )}
    </Box>
  );
}
