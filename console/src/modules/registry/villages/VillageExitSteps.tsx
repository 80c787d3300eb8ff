import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  useCanAccess,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
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
  VillageExit,
  VillageExitAction,
  VillageExitRun,
  VillageExitStepRequest,
} from './village-exit.api';
import { isCheckList, type WorkflowCheck, WorkflowChecks } from '../households/WorkflowChecks';
import { VillageExitRecordButton, VillageExitStepButton } from './VillageExitStepButton';

const ORDER = ['start', 'appraise', 'notice', 'review', 'approve'] as const;

/** A run's steps in order: who did each, when and why, the conditions it checked. */
function RunSteps({ run, pendingAction }: { run: VillageExitRun; pendingAction?: string | null }) {
  const translate = useTranslate();
  const taken = run.steps.filter((s) => s.action !== 'reject');
  const rejection = run.steps.find((s) => s.action === 'reject');
  return (
    <StepTimeline
      order={taken[0]?.action === 'record' ? ['record'] : ORDER}
      taken={taken}
      pendingAction={pendingAction}
      label={(action) => translate(`village_exit.actions.${action}`)}
      checksOf={(step) =>
        isCheckList(step.details.checks) ? (
          <WorkflowChecks checks={step.details.checks} testIdPrefix="condition" />
        ) : null
      }
      after={
        rejection ? (
          <Step completed>
            <StepLabel error>
              {translate('village_exit.actions.reject')} ·{' '}
              {translate('workflow.by', {
                actor: rejection.actor.name,
                date: formatDateTime(rejection.at),
              })}
            </StepLabel>
            <StepContent>
              <Typography variant="body2">{rejection.reason}</Typography>
            </StepContent>
          </Step>
        ) : null
      }
    />
  );
}

function RunHeader({ run }: { run: VillageExitRun }) {
  const translate = useTranslate();
  const color =
    run.outcome === 'approved' ? 'success' : run.outcome === 'rejected' ? 'error' : 'default';
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="subtitle2">
        {translate('village_exit.title')} · {run.year}
      </Typography>
      <Chip size="small" color={color} label={translate(`enums.WorkflowStage.${run.stage}`)} />
      <Typography variant="caption" color="text.secondary">
        {formatDateTime(run.startedAt)}
        {run.closedAt ? ` – ${formatDateTime(run.closedAt)}` : ''}
      </Typography>
    </Box>
  );
}

/**
 * 贫困村退出 — the village's exit as guided steps: the conditions checked now, the running
 * exit with what was done and what comes next, every earlier run, and — when a step is
 * refused — every failing condition.
 */
export function VillageExitSteps() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const calls = useCalls();
  const village = useRecordContext();
  const { permissions } = usePermissions<Permissions>();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'villages', action: 'edit' });
  const code = village ? String(village.id) : null;
  const exit = useApi(code ? () => calls.villageExit(code) : null, [code, village?.revision]);
  const [refusal, setRefusal] = useState<WorkflowCheck[] | null>(null);
  if (!code) return null;
  if (exit.loading && !exit.data) return <Spinner />;
  if (!exit.data) {
    const p = problemOf(exit.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  const data: VillageExit = exit.data;
  const mayApprove = hasRight(permissions, 'registry', 'approve');

  const take = async (body: VillageExitStepRequest) => {
    const next = await calls.villageExitStep(code, { ...body, revision: data.revision });
    exit.setData(next);
    setRefusal(null);
    notify('workflow.step_done', {
      type: 'success',
      messageArgs: { action: translate(`village_exit.actions.${body.action}`) },
    });
    if (body.action === 'approve') refresh();
  };
  const refused = (err: unknown) => {
    const p = problemOf(err);
    if (!p || !isCheckList(p.checks)) return false;
    setRefusal(p.checks);
    void exit.reload();
    return true;
  };
  const button = (action: VillageExitAction) => (
    <VillageExitStepButton key={action} action={action} onSubmit={take} onRefusal={refused} />
  );
  const pending = data.pending;
  const exitable = data.poorVillage && !data.exited;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="village-exit">
      {refusal ? (
        <Alert severity="error" onClose={() => setRefusal(null)} data-testid="village-exit-refusal">
          <AlertTitle>{translate('village_exit.refused')}</AlertTitle>
          <WorkflowChecks checks={refusal} testIdPrefix="condition" />
        </Alert>
      ) : null}
      {data.exited ? (
        <Alert severity="success">
          {translate('village_exit.exited', { year: data.exitYear })}
        </Alert>
      ) : !data.poorVillage ? (
        <Typography variant="body2">{translate('village_exit.not_poor_village')}</Typography>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle2">
            {translate('village_exit.conditions_now', { version: data.conditions.version })}
          </Typography>
          <WorkflowChecks checks={data.checks} testIdPrefix="condition" />
        </Paper>
      )}
      {data.active ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <RunHeader run={data.active} />
          <RunSteps run={data.active} pendingAction={pending?.action} />
          {pending?.noticeEndsAt && new Date(pending.noticeEndsAt) > new Date() ? (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('workflow.notice_until', { date: formatDateTime(pending.noticeEndsAt) })}
            </Alert>
          ) : null}
          {mayWrite && pending && (pending.action !== 'approve' || mayApprove) ? (
            <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
              {button(pending.action)}
              {button('reject')}
            </Box>
          ) : null}
        </Paper>
      ) : exitable && mayWrite ? (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {button('start')}
          {mayApprove ? (
            <VillageExitRecordButton
              onSubmit={async (body) => {
                exit.setData(
                  await calls.villageExitRecord(code, { ...body, revision: data.revision }),
                );
                refresh();
              }}
            />
          ) : null}
        </Box>
      ) : null}
      {data.closed.length ? (
        <>
          <Divider />
          <Typography variant="subtitle1">{translate('workflow.closed_runs')}</Typography>
          {[...data.closed].reverse().map((run) => (
            <Paper key={run.id} variant="outlined" sx={{ p: 2 }}>
              <RunHeader run={run} />
              <RunSteps run={run} />
            </Paper>
          ))}
        </>
      ) : null}
    </Box>
  );
}
