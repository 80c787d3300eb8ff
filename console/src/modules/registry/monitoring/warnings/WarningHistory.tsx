import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../../common/fields';
import { formatDateTime } from '../../../../common/format';
import { SectionHeading } from '../../../../common/SectionHeading';
import type { MonitoringWarning } from '../monitoring.api';
import { signalLabelKey } from '../rule-counts';
import { deadlineText } from './deadline';

const l = (k: string) => `resources.monitoring-warnings.${k}`;

/**
 * 处理记录 — every screening that raised or updated the warning, each deadline the county set
 * (督办, with the deadline before and after and its reason), and its verification.
 */
export function WarningHistory() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  const events = w?.events ?? [];
  if (events.length === 0) return null;
  return (
    <Box>
      <SectionHeading label={l('sections.history')} />
      <Stepper orientation="vertical" activeStep={events.length} data-testid="warning-history">
        {events.map((e, i) => (
          <Step key={i} completed expanded>
            <StepLabel>
              <EnumLabel name="MonitoringWarningEvent" code={e.action} />
              {' · '}
              {e.screeningId ? translate(l('by_screening')) : e.actorName || '—'}
              {' · '}
              {formatDateTime(e.at)}
            </StepLabel>
            <StepContent>
              {e.action === 'due_changed' ? (
                <Typography variant="body2" color="text.secondary">
                  {translate(l('due_change'), {
                    before: deadlineText(e.dueBefore),
                    after: deadlineText(e.dueAfter),
                  })}
                </Typography>
              ) : e.signals.length ? (
                <Typography variant="body2" color="text.secondary">
                  {translate(l('event_signals'), {
                    signals: e.signals
                      .map((c) => translate(signalLabelKey(c), { _: c }))
                      .join('、'),
                  })}
                </Typography>
              ) : null}
              {e.note ? <Typography variant="body2">{e.note}</Typography> : null}
            </StepContent>
          </Step>
        ))}
      </Stepper>
    </Box>
  );
}
