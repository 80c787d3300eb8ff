import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  SaveButton,
  TextInput,
  Toolbar,
  maxLength,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { PROJECT_STEPS } from '../codes';
import { fundsCalls, type Project, type ProjectStep } from '../funds.api';

/** 审批入库 and 验收 are the county's decisions (approve right); 开工 and 完工 are entered (write). */
const NEEDS: Record<ProjectStep['action'], 'approve' | 'write'> = {
  approve: 'approve',
  start: 'write',
  complete: 'write',
  accept: 'approve',
};

function StepDialog({
  project,
  action,
  onClose,
}: {
  project: Project;
  action: ProjectStep['action'];
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const name = translate(`enums.ProjectAction.${action}`);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('resources.projects.step.title', { action: name })}</DialogTitle>
      <DialogContent>
        <Form
          record={{ on: formatDay(new Date().toISOString()) }}
          onSubmit={async (v: Record<string, unknown>) => {
            try {
              await fundsCalls.stepProject(project.id, {
                action,
                ...(typeof v.on === 'string' && v.on ? { on: v.on } : {}),
                ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
                ...(typeof project.revision === 'number' ? { revision: project.revision } : {}),
              });
              notify(translate('resources.projects.step.done', { action: name }), {
                type: 'info',
              });
              onClose();
              refresh();
            } catch (e) {
              notifyProblem(e);
            }
          }}
        >
          <DateInput source="on" label="resources.projects.step.on" />
          <TextInput
            source="note"
            label="resources.projects.step.note"
            multiline
            fullWidth
            validate={maxLength(500)}
          />
          <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
            <SaveButton label="app.common.submit" alwaysEnable />
          </Toolbar>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

/** The status steps (申报 → 审批入库 → 实施 → 完工 → 验收) with their dates, and the next one. */
export function ProjectSteps() {
  const translate = useTranslate();
  const project = useRecordContext<Project>();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState(false);
  if (!project) return null;
  const reached = PROJECT_STEPS.findIndex((s) => s.status === project.status);
  const next = PROJECT_STEPS[reached + 1];
  const dates = (project.dates ?? {}) as Record<string, string | null | undefined>;
  const may = next?.action ? hasRight(permissions, 'funds', NEEDS[next.action]) : false;
  return (
    <>
      <Stepper activeStep={reached + 1} alternativeLabel sx={{ my: 2 }} data-testid="project-steps">
        {PROJECT_STEPS.map((s, i) => (
          <Step key={s.status} completed={i <= reached}>
            <StepLabel
              optional={
                <Typography variant="caption">
                  {i <= reached
                    ? formatDay(dates[s.date] ?? '')
                    : s.action
                      ? translate('resources.projects.step.waiting', {
                          action: translate(`enums.ProjectAction.${s.action}`),
                        })
                      : ''}
                </Typography>
              }
            >
              {translate(`enums.ProjectStatus.${s.status}`)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      {next?.action && may ? (
        <Button
          variant="contained"
          label={translate('resources.projects.step.take', {
            action: translate(`enums.ProjectAction.${next.action}`),
          })}
          onClick={() => setOpen(true)}
        />
      ) : null}
      {open && next?.action ? (
        <StepDialog project={project} action={next.action} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
