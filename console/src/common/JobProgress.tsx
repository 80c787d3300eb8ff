import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** A long job's counters: rows done, of how many (null until counted), and its status. */
export interface JobCounters {
  done: number;
  total: number | null;
  status: string;
  /**
   * What is counted: rows (imports, exports) by default, households (a village's jobs) or
   * records (a service's documents, as a reseal walks them).
   */
  unit?: 'rows' | 'households' | 'records';
}

/**
 * The progress bar of a long job (import, export, matching run, ranking), fed by the
 * job's own counters: determinate once the total is known.
 */
export function JobProgress({ done, total, status, unit = 'rows' }: JobCounters) {
  const translate = useTranslate();
  const finished = status === 'completed';
  const percent = finished ? 100 : total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <Box
      sx={{ my: 2 }}
      role="group"
      aria-label={translate('resources.imports.wizard.step_progress')}
    >
      <LinearProgress
        variant={total || finished ? 'determinate' : 'indeterminate'}
        value={percent}
        sx={{ height: 10, borderRadius: 5 }}
        aria-valuenow={percent}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 1 }}>
        <Typography variant="body2" data-testid="job-progress-rows">
          {total !== null
            ? translate(`app.progress.${unit}`, {
                done: done.toLocaleString('en-US'),
                total: total.toLocaleString('en-US'),
              })
            : translate(`app.progress.${unit}_unknown`, { done: done.toLocaleString('en-US') })}
        </Typography>
        <Typography variant="body2" data-testid="job-progress-percent">
          {translate('app.progress.percent', { percent })}
        </Typography>
      </Box>
    </Box>
  );
}
