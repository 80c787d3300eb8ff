import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import {
  DateInput,
  TextInput,
  maxLength,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDay } from '../../../common/format';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { PROJECT_STEPS } from '../codes';
import { useCalls } from '../../calls';
import type { Project, ProjectStep } from '../funds.api';

/** 审批入库 and 验收 are the county's decisions (approve right); 开工 and 完工 are entered (write). */
const NEEDS: Record<ProjectStep['action'], 'approve' | 'write'> = {
  approve: 'approve',
  start: 'write',
  complete: 'write',
  accept: 'approve',
};

/** 审批入库, 开工, 完工 or 验收 of a project: the day (today unless told) and a note. */
function StepButton({ project, action }: { project: Project; action: ProjectStep['action'] }) {
  const translate = useTranslate();
  const calls = useCalls();
  const name = translate(`enums.ProjectAction.${action}`);
  return (
    <FormDialogButton
      label={translate('resources.projects.step.take', { action: name })}
      title="resources.projects.step.title"
      titleArgs={{ action: name }}
      variant="contained"
      record={{ on: formatDay(new Date().toISOString()) }}
      done={translate('resources.projects.step.done', { action: name })}
      alwaysEnable
      listRefusals
      onSubmit={(v) =>
        calls.fundsStepProject(project.id, {
          action,
          ...(typeof v.on === 'string' && v.on ? { on: v.on } : {}),
          ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
          ...(typeof project.revision === 'number' ? { revision: project.revision } : {}),
        })
      }
    >
      <DateInput source="on" label="resources.projects.step.on" />
      <TextInput
        source="note"
        label="resources.projects.step.note"
        multiline
        fullWidth
        validate={maxLength(500)}
      />
    </FormDialogButton>
  );
}

/** The status steps (申报 → 审批入库 → 实施 → 完工 → 验收) with their dates, and the next one. */
export function ProjectSteps() {
  const translate = useTranslate();
  const project = useRecordContext<Project>();
  const { permissions } = usePermissions<Permissions>();
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
      {next?.action && may ? <StepButton project={project} action={next.action} /> : null}
    </>
  );
}
