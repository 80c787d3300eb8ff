import BlockIcon from '@mui/icons-material/Block';
import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { NumberInput, maxValue, minValue, required, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { lines, OpinionInputs, VoteInputs, votesOf } from '../households/StepOpinionInputs';
import type { VillageExitAction, VillageExitStepRequest } from './village-exit.api';

const thisYear = () => new Date().getFullYear();

/** The form values as the step request: evidence one per line, votes only when counted. */
function requestOf(action: VillageExitAction, v: Record<string, unknown>): VillageExitStepRequest {
  const evidence = lines(v.evidence);
  return {
    action,
    reason: String(v.reason ?? '').trim(),
    ...(evidence.length ? { evidence } : {}),
    ...(action === 'start' && typeof v.year === 'number' ? { year: v.year } : {}),
    ...(action === 'appraise' ? votesOf(v) : {}),
  };
}

/**
 * One step of the village exit — 申请 (outlined), the next step (contained) or 驳回 (red) —
 * as a button opening its form: the opinion and evidence, the exit year at the start, the
 * votes at the appraisal.
 */
export function VillageExitStepButton(props: {
  action: VillageExitAction;
  onSubmit: (body: VillageExitStepRequest) => Promise<unknown>;
  /** A refusal the page lists itself (the failing conditions): true closes the dialog. */
  onRefusal: (error: unknown) => boolean;
}) {
  const translate = useTranslate();
  const { action } = props;
  const name = translate(`village_exit.actions.${action}`);
  return (
    <FormDialogButton
      label={action === 'reject' ? 'workflow.reject' : name}
      title={action === 'reject' ? 'workflow.reject_title' : 'workflow.take'}
      titleArgs={{ kind: translate('village_exit.title'), action: name }}
      icon={action === 'reject' ? <BlockIcon /> : <PlayArrowIcon />}
      variant={action === 'start' ? 'outlined' : action === 'reject' ? undefined : 'contained'}
      color={action === 'reject' ? 'error' : undefined}
      record={action === 'start' ? { year: thisYear() } : {}}
      alwaysEnable
      onRefusal={props.onRefusal}
      onSubmit={(v) => props.onSubmit(requestOf(action, v))}
    >
      {action === 'start' ? (
        <NumberInput
          source="year"
          label="village_exit.year"
          validate={[required(), minValue(2000), maxValue(2100)]}
        />
      ) : null}
      {action === 'appraise' ? <VoteInputs /> : null}
      <OpinionInputs />
    </FormDialogButton>
  );
}

/** 补录 — the county records an exit it approved in an earlier year, with the document. */
export function VillageExitRecordButton(props: {
  onSubmit: (body: { year: number; reason: string; evidence: string[] }) => Promise<unknown>;
}) {
  const translate = useTranslate();
  return (
    <FormDialogButton
      label="village_exit.record"
      icon={<HistoryEduIcon />}
      variant="text"
      record={{ year: thisYear() - 1 }}
      alwaysEnable
      hint={translate('village_exit.record_hint')}
      onSubmit={(v) =>
        props.onSubmit({
          year: Number(v.year),
          reason: String(v.reason ?? '').trim(),
          evidence: lines(v.evidence),
        })
      }
    >
      <NumberInput
        source="year"
        label="village_exit.year"
        validate={[required(), minValue(2000), maxValue(thisYear() - 1)]}
      />
      <OpinionInputs evidenceRequired />
    </FormDialogButton>
  );
}
