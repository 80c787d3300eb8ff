import Box from '@mui/material/Box';
import Stepper from '@mui/material/Stepper';
import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Typography from '@mui/material/Typography';
import { Labeled, TabbedShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { AreaField, DateTimeField, EnumField, EnumLabel } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import type { Finding } from '../matching.api';
import { FindingEvidence } from './FindingEvidence';
import { FindingRegistryOutcome } from './FindingRegistryOutcome';
import { FindingRounds } from './FindingRounds';
import { FindingWorkflow } from './FindingWorkflow';

function Household() {
  const f = useRecordContext<Finding>();
  if (!f?.householdNo) return <span>—</span>;
  return f.householdId ? (
    <Link to={`/households/${encodeURIComponent(f.householdId)}/show`}>{f.householdNo}</Link>
  ) : (
    <span>{f.householdNo}</span>
  );
}

function Overdue() {
  const f = useRecordContext<Finding>();
  const translate = useTranslate();
  if (!f) return null;
  return (
    <Typography variant="body2" color={f.overdue ? 'error' : 'text.primary'}>
      {translate(f.overdue ? 'resources.matching-findings.overdue' : 'ra.boolean.false')}
    </Typography>
  );
}

/** 处理记录 — every step taken on the finding, who took it and when. */
function History() {
  const translate = useTranslate();
  const f = useRecordContext<Finding>();
  const steps = f?.history ?? [];
  if (steps.length === 0) return null;
  return (
    <Stepper orientation="vertical" activeStep={steps.length} data-testid="finding-history">
      {steps.map((h, i) => (
        <Step key={i} completed expanded>
          <StepLabel>
            <EnumLabel name="MatchingFindingAction" code={h.action} />
            {' · '}
            {h.action === 'created' || h.action === 'reopened'
              ? translate('resources.matching-findings.by_run')
              : (h.byName ?? '—')}{' '}
            · {formatDateTime(h.at)}
          </StepLabel>
          <StepContent>
            <Typography variant="body2" color="text.secondary">
              {h.note || translate('resources.matching-findings.no_note')}
            </Typography>
            {h.action === 'due' ? (
              <Typography variant="body2" color="text.secondary">
                {translate('resources.matching-findings.due.change', {
                  before: formatDateTime(h.dueBefore),
                  after: formatDateTime(h.dueAfter),
                })}
              </Typography>
            ) : null}
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
}

/** 比对问题 — the finding, its masked evidence, its workflow steps and history. */
export default function FindingShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.matching-findings.tabs.finding">
          <FindingWorkflow />
          <EnumField source="rule" name="MatchingRule" />
          <EnumField source="status" name="MatchingFindingStatus" chip />
          <EnumField source="conclusion" name="MatchingConclusion" />
          <TextField source="conclusionReason" emptyText="—" />
          <TextField source="memberName" emptyText="—" />
          <Labeled source="householdNo">
            <Household />
          </Labeled>
          <AreaField source="areaCode" />
          <AreaField source="townshipCode" />
          <DateTimeField source="dueAt" />
          <Labeled source="overdue">
            <Overdue />
          </Labeled>
          <DateTimeField source="createdAt" />
          <DateTimeField source="lastSeenAt" />
          <TextField source="confirmations" />
          <TextField source="reopenings" />
          <FindingRegistryOutcome />
          <FindingEvidence />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.matching-findings.tabs.history" path="history">
          <Box>
            <FindingRounds />
            <History />
          </Box>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
