import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionHeading } from '../../../../common/SectionHeading';
import { pick } from '../../../../providers/problem';
import type { MonitoringWarning } from '../monitoring.api';
import { signalLabelKey } from '../rule-counts';

/**
 * 预警信号及依据 — each rule that fired, with the facts behind it as the service explained them
 * (in the user's language) and the rule's version.
 */
export function WarningSignals() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  if (!w) return null;
  return (
    <Box data-testid="warning-signals">
      <SectionHeading label="resources.monitoring-warnings.sections.signals" />
      {w.signals.map((s) => (
        <Paper key={s.code} variant="outlined" sx={{ p: 1.5, mt: 1 }}>
          <Typography variant="subtitle2" component="p">
            {translate(signalLabelKey(s.code), { _: s.code })}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {translate('resources.monitoring-warnings.signal_version', { version: s.version })}
            </Typography>
          </Typography>
          <Typography variant="body2">{pick(s.explanation)}</Typography>
        </Paper>
      ))}
    </Box>
  );
}
