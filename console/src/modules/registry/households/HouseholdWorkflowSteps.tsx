import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import {
  useCanAccess,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { StepTimeline } from '../../../common/StepTimeline';
import { useApi } from '../../../common/useApi';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type {
  Household,
  HouseholdWorkflows,
  WorkflowAction,
  WorkflowKind,
  WorkflowRun,
  WorkflowStepRequest,
} from './household.api';
import { ExclusionProposals } from './ExclusionProposals';
import { HouseholdNoticeSection } from './HouseholdNoticeSection';
import { isCheckList, type WorkflowCheck, WorkflowChecks } from './WorkflowChecks';
import { MONITORING_CATEGORIES, WorkflowStepButton } from './WorkflowStepButton';

/** The steps of each workflow, in order (纳入监测 has no public notice). */
const STEPS: Record<WorkflowKind, WorkflowAction[]> = {
  identification: ['start', 'appraise', 'notice', 'review', 'approve'],
  exit: ['start', 'appraise', 'notice', 'review', 'approve'],
  return: ['start', 'appraise', 'notice', 'review', 'approve'],
  monitoring_entry: ['start', 'appraise', 'review', 'approve'],
  monitoring_removal: ['start', 'appraise', 'notice', 'review', 'approve'],
  clearance: ['start', 'appraise', 'notice', 'review', 'approve'],
};

/** Which workflows a household in a status may start. */
const STARTS_FROM: Record<WorkflowKind, string[]> = {
  identification: ['candidate', 'cancelled'],
  exit: ['in_poverty', 'returned'],
  return: ['exited', 'unstable'],
  monitoring_entry: Object.keys(MONITORING_CATEGORIES),
  monitoring_removal: ['unstable', 'marginal', 'sudden_hardship'],
  clearance: ['in_poverty', 'returned', 'unstable', 'candidate'],
};

interface Refusal {
  kind: WorkflowKind;
  checks: WorkflowCheck[];
}

/** A run's steps in order: who did each, when and why, the checks it made. */
function RunSteps({
  run,
  pendingAction,
}: {
  run: WorkflowRun;
  pendingAction?: WorkflowAction | null;
}) {
  const translate = useTranslate();
  return (
    <StepTimeline
      order={STEPS[run.kind]}
      taken={run.steps.filter((s) => s.action !== 'reject')}
      pendingAction={pendingAction}
      label={(action) => translate(`enums.WorkflowAction.${action}`)}
      checksOf={(step) => {
        const checks = (step.details as { checks?: unknown }).checks;
        return isCheckList(checks) ? <WorkflowChecks checks={checks} /> : null;
      }}
    />
  );
}

/** 已结束的流程 — the household's closed runs, latest first, each with its outcome. */
function ClosedRuns({ closed }: { closed: WorkflowRun[] }) {
  const translate = useTranslate();
  if (!closed.length) return null;
  return (
    <>
      <Divider />
      <Typography variant="subtitle1">{translate('workflow.closed_runs')}</Typography>
      {[...closed].reverse().map((run) => (
        <Paper key={run.id} variant="outlined" sx={{ p: 2 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography variant="subtitle2">
              {translate(`enums.WorkflowKind.${run.kind}`)}
            </Typography>
            <Chip
              size="small"
              color={
                run.outcome === 'approved'
                  ? 'success'
                  : run.outcome === 'rejected'
                    ? 'error'
                    : 'default'
              }
              label={translate(`enums.WorkflowOutcome.${run.outcome}`)}
            />
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(run.startedAt)} – {formatDateTime(run.closedAt)}
            </Typography>
          </Box>
          <RunSteps run={run} />
        </Paper>
      ))}
    </>
  );
}

/**
 * The run in progress: its steps, the notice period, 告知与答复 for a 清退 opened for a
 * finding, and the next step or a rejection.
 */
function ActiveRun({
  active,
  pending,
  mayWrite,
  mayApprove,
  stepButton,
  householdId,
  revision,
  onChanged,
}: {
  active: WorkflowRun;
  pending: HouseholdWorkflows['pending'];
  mayWrite: boolean | undefined;
  mayApprove: boolean;
  stepButton: (kind: WorkflowKind, action: WorkflowAction) => ReactNode;
  householdId: string;
  revision: number;
  onChanged: (next: HouseholdWorkflows) => void;
}) {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h6">{translate(`enums.WorkflowKind.${active.kind}`)}</Typography>
        <Chip size="small" label={translate(`enums.WorkflowStage.${active.stage}`)} />
        {active.findingId ? (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label={translate('clearance.finding', { id: active.findingId })}
          />
        ) : null}
        <Typography variant="caption" color="text.secondary">
          {translate('workflow.started_at', { date: formatDateTime(active.startedAt) })}
        </Typography>
      </Box>
      <RunSteps run={active} pendingAction={pending?.action} />
      {pending?.noticeEndsAt && new Date(pending.noticeEndsAt) > new Date() ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('workflow.notice_until', { date: formatDateTime(pending.noticeEndsAt) })}
        </Alert>
      ) : null}
      {active.kind === 'clearance' && active.findingId ? (
        <HouseholdNoticeSection
          notice={active.householdNotice}
          mayWrite={Boolean(mayWrite)}
          householdId={householdId}
          revision={revision}
          onChanged={onChanged}
        />
      ) : null}
      {mayWrite && pending ? (
        <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
          {pending.action !== 'approve' || mayApprove ? (
            <>
              {stepButton(pending.kind, pending.action)}
              {stepButton(pending.kind, 'reject')}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('workflow.waiting', {
                action: translate(`enums.WorkflowAction.${pending.action}`),
              })}
            </Typography>
          )}
        </Box>
      ) : null}
    </Paper>
  );
}

/**
 * 识别、退出、返贫与监测 — the household's workflow as guided steps: what was done, who did
 * it and why, what comes next, and — when a step is refused — every check that failed.
 */
export function HouseholdWorkflowSteps() {
  const translate = useTranslate();
  const notify = useNotify();
  const calls = useCalls();
  const household = useRecordContext<Household>();
  const { permissions } = usePermissions<Permissions>();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'households', action: 'edit' });
  const id = household ? String(household.id) : null;
  const wf = useApi(id ? () => calls.householdWorkflows(id) : null, [id, household?.revision]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  if (!household || !id) return null;
  if (wf.loading && !wf.data) return <Spinner />;
  if (!wf.data) {
    const p = problemOf(wf.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  const { active, pending, closed, status, revision } = wf.data;
  const mayApprove = hasRight(permissions, 'registry', 'approve');

  const take = async (kind: WorkflowKind, body: WorkflowStepRequest) => {
    const next = await calls.householdTakeStep(id, kind, { ...body, revision });
    wf.setData(next);
    setRefusal(null);
    notify('workflow.step_done', {
      type: 'success',
      messageArgs: { action: translate(`enums.WorkflowAction.${body.action}`) },
    });
  };

  /** A refusal on the household's facts: the dialog closes and the checks stay in view. */
  const refused = (kind: WorkflowKind, err: unknown) => {
    const p = problemOf(err);
    const checks = p && isCheckList(p.checks) ? p.checks : null;
    if (!checks) return false;
    setRefusal({ kind, checks });
    void wf.reload();
    return true;
  };

  const stepButton = (kind: WorkflowKind, action: WorkflowAction) => (
    <WorkflowStepButton
      key={`${kind}-${action}`}
      kind={kind}
      action={action}
      status={status}
      onSubmit={(body) => take(kind, body)}
      onRefusal={(err) => refused(kind, err)}
    />
  );

  const startable = (Object.keys(STARTS_FROM) as WorkflowKind[]).filter((k) =>
    STARTS_FROM[k].includes(status),
  );

  return (
    <Box
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
      data-testid="household-workflows"
    >
      {refusal ? (
        <Alert severity="error" onClose={() => setRefusal(null)} data-testid="workflow-refusal">
          <AlertTitle>
            {translate(`enums.WorkflowKind.${refusal.kind}`)} · {translate('workflow.refused')}
          </AlertTitle>
          <WorkflowChecks checks={refusal.checks} />
        </Alert>
      ) : null}

      {active ? (
        <ActiveRun
          active={active}
          pending={pending}
          mayWrite={mayWrite}
          mayApprove={mayApprove}
          stepButton={stepButton}
          householdId={id}
          revision={revision}
          onChanged={(next) => wf.setData(next)}
        />
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('workflow.none_active')}
          </Typography>
          {mayWrite ? (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              {startable.map((kind) => stepButton(kind, 'start'))}
            </Box>
          ) : null}
        </Paper>
      )}

      <ExclusionProposals
        householdId={id}
        proposals={wf.data.proposals ?? []}
        revision={revision}
        mayWrite={Boolean(mayWrite)}
        onDecided={(next) => wf.setData(next)}
      />

      <ClosedRuns closed={closed} />
    </Box>
  );
}
