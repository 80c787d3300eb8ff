import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { MonitoringWarning } from '../monitoring.api';
import { signalLabelKey } from '../rule-counts';

/** 预警信号 — the rules that fired for the warning, each a chip with its Chinese label. */
export function SignalChips() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  if (!w?.signals.length) return <Typography variant="body2">—</Typography>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-testid="signal-chips">
      {w.signals.map((s) => (
        <Chip
          key={s.code}
          size="small"
          color="warning"
          variant="outlined"
          label={translate(signalLabelKey(s.code), { _: s.code })}
        />
      ))}
    </span>
  );
}
