import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { MonitoringWarning } from '../monitoring.api';
import { deadlineText } from './deadline';

/**
 * 核实期限 — the deadline (its time too when 督办 set one other than the end of the day), in red
 * with 已逾期 while the warning is open past it.
 */
export function DueOnField() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  if (!w) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      color={w.overdue ? 'error' : 'text.primary'}
      data-overdue={w.overdue ? 'true' : undefined}
      data-testid="warning-due"
    >
      {deadlineText(w.dueAt, w.dueOn)}
      {w.overdue ? `（${translate('resources.monitoring-warnings.overdue')}）` : ''}
    </Typography>
  );
}
