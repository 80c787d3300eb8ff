import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { type Bilingual, pick } from '../../providers/problem';
import { type JobCounters, JobProgress } from '../JobProgress';
import { ImportSteps } from './ImportSteps';
import { isImportFinished } from './status';

export interface ImportProgressProps extends JobCounters {
  /** The import's message group: `failed`, `leave_hint` (and `step_*` with `steps`). */
  messages: string;
  /** Why the job failed, when it did. */
  error?: Bilingual | null;
  /** Show where the import stands among the wizard's steps (imports with a template). */
  steps?: boolean;
}

/**
 * 导入进度 — a running import's progress bar, why it failed if it did, and that the page can be
 * left meanwhile.
 */
export function ImportProgress({
  messages,
  done,
  total,
  status,
  error,
  steps = false,
}: ImportProgressProps) {
  const translate = useTranslate();
  const finished = isImportFinished(status);
  return (
    <Box>
      {steps ? <ImportSteps active={finished ? 4 : 2} messages={messages} /> : null}
      <JobProgress done={done} total={total} status={status} />
      {status === 'failed' ? (
        <Alert severity="error">
          {translate(`${messages}.failed`, {
            message: pick(error ?? undefined, translate('ra.notification.http_error')),
          })}
        </Alert>
      ) : null}
      {!finished ? (
        <Typography variant="caption" color="text.secondary">
          {translate(`${messages}.leave_hint`)}
        </Typography>
      ) : null}
    </Box>
  );
}
