import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useCalls } from '../../../calls';
import { signalLabelKey } from '../rule-counts';
import type { SignalCode } from '../codes';

const l = (k: string) => `resources.monitoring-warnings.signal_breakdown.${k}`;

/**
 * 预警信号分布 — per rule, how many open warnings of the user's area it fired in (the list's count
 * for each signal), the rules that fired in none left out.
 */
export function SignalBreakdown() {
  const translate = useTranslate();
  const calls = useCalls();
  const [rows, setRows] = useState<{ code: SignalCode; count: number }[] | null>(null);
  useEffect(() => {
    let live = true;
    calls.monitoringOpenWarningsBySignal().then(
      (r) => {
        if (live) setRows(r);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [calls]);
  if (!rows) return null;
  const fired = rows.filter((r) => r.count > 0);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mt: 1 }} data-testid="signal-breakdown">
      <Typography variant="subtitle2">{translate(l('title'))}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(l('hint'))}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        {fired.length === 0 ? (
          <Typography variant="body2">—</Typography>
        ) : (
          fired.map((r) => (
            <Chip
              key={r.code}
              size="small"
              variant="outlined"
              label={`${translate(signalLabelKey(r.code))}：${translate(l('total'), { count: r.count })}`}
            />
          ))
        )}
      </Box>
    </Paper>
  );
}
