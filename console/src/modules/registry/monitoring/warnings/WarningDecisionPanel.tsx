import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useNotifyProblem } from '../../../../providers/problem';
import { useCalls } from '../../../calls';
import { EnumLabel } from '../../../../common/fields';
import { formatDateTime } from '../../../../common/format';
import { SectionHeading } from '../../../../common/SectionHeading';
import { evidenceFileIdOf, type MonitoringWarning } from '../monitoring.api';

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

/** The evidence: the references typed, then each uploaded file as a link that downloads it. */
function Evidence({ warningId, entries }: { warningId: string; entries: string[] }) {
  const translate = useTranslate();
  const calls = useCalls();
  const notifyProblem = useNotifyProblem();
  const typed = entries.filter((e) => !evidenceFileIdOf(e));
  const files = entries.map(evidenceFileIdOf).filter((id): id is string => !!id);
  if (!entries.length) return <>—</>;
  return (
    <>
      {typed.join('；')}
      {files.map((id, i) => (
        <Link
          key={id}
          component="button"
          type="button"
          variant="body2"
          data-testid="evidence-file-link"
          sx={{ ml: typed.length || i ? 1.5 : 0, verticalAlign: 'baseline' }}
          onClick={() => {
            calls.monitoringWarningEvidenceDownload(warningId, id).catch(notifyProblem);
          }}
        >
          {translate(l('evidence_files.link'), { n: i + 1 })}
        </Link>
      ))}
    </>
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
            <Evidence warningId={w.id} entries={d.evidence} />
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
