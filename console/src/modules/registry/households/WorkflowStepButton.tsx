import BlockIcon from '@mui/icons-material/Block';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { EnumInput } from '../../../common/inputs';
import type { WorkflowAction, WorkflowKind, WorkflowStepRequest } from './household.api';
import { lines, OpinionInputs, VoteInputs, votesOf } from './StepOpinionInputs';

const EXCLUSIONS = [
  'car',
  'business',
  'urbanHousing',
  'publicEmployee',
  'villageCadreFamily',
] as const;

/** Which monitoring categories a household in each status may enter (纳入监测). */
export const MONITORING_CATEGORIES: Record<string, string[]> = {
  exited: ['unstable', 'sudden_hardship'],
  candidate: ['marginal', 'sudden_hardship'],
  cancelled: ['marginal', 'sudden_hardship'],
};

const label = (f: string) => `workflow.fields.${f}`;
const thisYear = () => new Date().getFullYear();

/** The form values as the step request: evidence one per line, votes only when counted. */
function requestOf(
  kind: WorkflowKind,
  action: WorkflowAction,
  v: Record<string, unknown>,
): WorkflowStepRequest {
  const evidence = lines(v.evidence);
  return {
    action,
    reason: String(v.reason ?? '').trim(),
    ...(evidence.length ? { evidence } : {}),
    ...(typeof v.year === 'number' ? { year: v.year } : {}),
    ...(typeof v.category === 'string'
      ? { category: v.category as WorkflowStepRequest['category'] }
      : {}),
    ...(kind === 'identification' && (action === 'start' || action === 'appraise') && v.exclusions
      ? { exclusions: v.exclusions as WorkflowStepRequest['exclusions'] }
      : {}),
    ...(kind === 'clearance' &&
    action === 'start' &&
    typeof v.findingId === 'string' &&
    v.findingId.trim()
      ? { findingId: v.findingId.trim() }
      : {}),
    ...(typeof v.justification === 'string' && v.justification.trim()
      ? { justification: v.justification.trim() }
      : {}),
    ...(action === 'appraise' ? votesOf(v) : {}),
  };
}

/** The values a step's form starts with: the exit year before, the identification year, no exclusions. */
function defaultsOf(kind: WorkflowKind, action: WorkflowAction): Record<string, unknown> {
  return {
    ...(kind === 'exit' && action === 'start' ? { year: thisYear() - 1 } : {}),
    ...(kind === 'identification' && action === 'approve' ? { year: thisYear() } : {}),
    ...(kind === 'identification' && action === 'start'
      ? { exclusions: Object.fromEntries(EXCLUSIONS.map((e) => [e, false])) }
      : {}),
  };
}

/** What a step asks for besides the opinion and evidence every step takes. */
function StepInputs({
  kind,
  action,
  status,
}: {
  kind: WorkflowKind;
  action: WorkflowAction;
  status: string;
}) {
  const translate = useTranslate();
  return (
    <>
      {kind === 'exit' && action === 'start' ? (
        <NumberInput
          source="year"
          label={label('year')}
          validate={[required(), minValue(2000), maxValue(2100)]}
        />
      ) : null}
      {kind === 'identification' && action === 'approve' ? (
        <NumberInput
          source="year"
          label={label('identification_year')}
          validate={[minValue(2000), maxValue(2100)]}
        />
      ) : null}
      {kind === 'monitoring_entry' && action === 'start' ? (
        <EnumInput
          source="category"
          label={label('category')}
          name="MonitoringCategory"
          codes={MONITORING_CATEGORIES[status] ?? []}
          validate={required()}
        />
      ) : null}
      {kind === 'identification' && (action === 'start' || action === 'appraise') ? (
        <>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate(label('exclusions'))}
          </Typography>
          {EXCLUSIONS.map((e) => (
            <BooleanInput
              key={e}
              source={`exclusions.${e}`}
              label={`enums.ExclusionFlag.${e}`}
              helperText={false}
            />
          ))}
        </>
      ) : null}
      {action === 'appraise' ? <VoteInputs /> : null}
      {kind === 'clearance' && action === 'start' ? (
        <TextInput
          source="findingId"
          label="clearance.finding_id"
          helperText="clearance.finding_id_hint"
          fullWidth
          validate={maxLength(64)}
        />
      ) : null}
      {kind === 'identification' && action === 'review' ? (
        <TextInput
          source="justification"
          label={label('justification')}
          multiline
          fullWidth
          validate={maxLength(500)}
        />
      ) : null}
      <OpinionInputs />
    </>
  );
}

/**
 * One step of a workflow — 发起 (outlined), the next step (contained) or 驳回 (red) — as a
 * button opening its form: the opinion and evidence every step takes, and what this step
 * asks for besides (the exit year, the monitoring category, the exclusions, the votes).
 */
export function WorkflowStepButton(props: {
  kind: WorkflowKind;
  action: WorkflowAction;
  status: string;
  onSubmit: (body: WorkflowStepRequest) => Promise<unknown>;
  /** A refusal the page shows itself (the failed checks): true closes the dialog. */
  onRefusal: (error: unknown) => boolean;
}) {
  const translate = useTranslate();
  const { kind, action } = props;
  const kindName = translate(`enums.WorkflowKind.${kind}`);
  const actionName = translate(`enums.WorkflowAction.${action}`);
  const title =
    action === 'start'
      ? { key: 'workflow.start', args: { kind: kindName } }
      : action === 'reject'
        ? { key: 'workflow.reject_title', args: { kind: kindName } }
        : { key: 'workflow.take', args: { action: actionName } };
  return (
    <FormDialogButton
      label={action === 'reject' ? 'workflow.reject' : translate(title.key, title.args)}
      title={title.key}
      titleArgs={title.args}
      icon={action === 'reject' ? <BlockIcon /> : <PlayArrowIcon />}
      variant={action === 'start' ? 'outlined' : action === 'reject' ? undefined : 'contained'}
      color={action === 'reject' ? 'error' : undefined}
      record={defaultsOf(kind, action)}
      alwaysEnable
      onRefusal={props.onRefusal}
      onSubmit={(v) => props.onSubmit(requestOf(kind, action, v))}
    >
      <StepInputs kind={kind} action={action} status={props.status} />
    </FormDialogButton>
  );
}
