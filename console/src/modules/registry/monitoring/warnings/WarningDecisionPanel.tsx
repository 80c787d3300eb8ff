import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../../common/fields';
import { formatDateTime } from '../../../../common/format';
import { SectionHeading } from '../../../../common/SectionHeading';
import type { MonitoringWarning } from '../monitoring.api';

const l = (k: string) => `resources.monitoring-warnings.${k}`;

function Line({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ mt: 0.5 }}>
      <Typography component="span" variant="body2" color="text.secondary">
        {translate(label)}：
      </Typography>
      {children}
    </Typography>
  );
}

/** 核实结论 — who decided what and when, why, on which evidence; or that it is still to verify. */
export function WarningDecisionPanel() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  if (!w) return null;
  const d = w.decision;
  return (
    <Box data-testid="warning-decision">
      <SectionHeading label={l('sections.decision')} />
      {!d ? (
        <Alert severity={w.overdue ? 'error' : 'info'} sx={{ mt: 1 }}>
          {translate(l('undecided'))}
        </Alert>
      ) : (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2">
            <EnumLabel name="MonitoringWarningStatus" code={d.decision} />
            {' · '}
            {translate(l('decided_by'), { name: d.by?.name ?? '—', date: formatDateTime(d.at) })}
          </Typography>
          <Line label={l('decision_reason')}>{d.reason}</Line>
          <Line label={l('decision_evidence')}>
            {d.evidence.length ? d.evidence.join('；') : '—'}
          </Line>
          {d.category ? (
            <Line label={l('decision_category')}>
              <EnumLabel name="MonitoringCategory" code={d.category} />
            </Line>
          ) : null}
        </Box>
      )}
    </Box>
  );
}
