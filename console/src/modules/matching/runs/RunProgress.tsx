import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatCount } from '../../../common/format';
import type { MatchingRun } from '../matching.api';

/**
 * The run's progress bar, fed by the job's own counters (rows read of the rows its lists
 * hold). It stays below 100% until the run has also recorded its findings and completed.
 */
export function RunProgress({ run }: { run: MatchingRun }) {
  const translate = useTranslate();
  const { rowsRead, rowsTotal, matched, findings } = run.progress;
  const completed = run.status === 'completed';
  const percent = completed
    ? 100
    : rowsTotal > 0
      ? Math.min(99, Math.floor((rowsRead / rowsTotal) * 100))
      : 0;
  const determinate = completed || run.status === 'failed' || rowsTotal > 0;
  return (
    <Box
      sx={{ my: 2 }}
      role="group"
      aria-label={translate('resources.matching-runs.fields.percent')}
    >
      <LinearProgress
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={percent}
        color={run.status === 'failed' ? 'error' : 'primary'}
        sx={{ height: 10, borderRadius: 5 }}
        aria-valuenow={percent}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 1, gap: 2 }}>
        <Typography variant="body2" data-testid="run-progress-rows">
          {translate('resources.matching-runs.progress_text', {
            done: formatCount(rowsRead),
            total: formatCount(rowsTotal),
            matched: formatCount(matched),
            findings: formatCount(findings),
          })}
        </Typography>
        <Typography variant="body2" data-testid="run-progress-percent">
          {translate('app.progress.percent', { percent })}
        </Typography>
      </Box>
    </Box>
  );
}
