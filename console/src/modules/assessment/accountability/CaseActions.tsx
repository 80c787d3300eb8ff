import AddCommentIcon from '@mui/icons-material/AddComment';
import GavelIcon from '@mui/icons-material/Gavel';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import {
  DateInput,
  RadioButtonGroupInput,
  TextInput,
  maxLength,
  minLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDay } from '../../../common/format';
import { enumChoices } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import { type AccountabilityCase, DECISION_KINDS, type DecisionInput } from './accountability.api';

const m = (k: string) => `assessment.cases.${k}`;
const today = () => formatDay(new Date().toISOString());
const text = (v: Record<string, unknown>, k: string) =>
  typeof v[k] === 'string' ? String(v[k]).trim() : '';

/** The case, when the user may act on it (the service also refuses a township's user). */
function useActionable(): AccountabilityCase | null {
  const c = useRecordContext<AccountabilityCase>();
  const { permissions } = usePermissions<Permissions>();
  return c && hasRight(permissions, 'assessment', 'write') ? c : null;
}

/** 作出问责决定 — the kind, the day, who decided, the text and the document number. */
export function DecideButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const c = useActionable();
  if (!c || c.status !== 'open') return null;
  return (
    <FormDialogButton
      label={m('decide')}
      title={m('decide_title')}
      icon={<GavelIcon />}
      variant="contained"
      hint={translate(m('decide_hint'), { unit: c.unit.name })}
      record={{ decidedOn: today() }}
      done={m('decided')}
      submitLabel={m('decide')}
      submitIcon={<GavelIcon />}
      onSubmit={(v) => {
        const body: DecisionInput = {
          kind: v.kind as DecisionInput['kind'],
          decidedOn: String(v.decidedOn),
          decidedBy: text(v, 'decidedBy'),
          text: text(v, 'text'),
        };
        const documentNo = text(v, 'documentNo');
        return calls.assessmentDecideCase(c.id, documentNo ? { ...body, documentNo } : body);
      }}
    >
      <RadioButtonGroupInput
        source="kind"
        label={m('decision.kind')}
        choices={enumChoices('AccountabilityDecisionKind', DECISION_KINDS)}
        validate={required()}
      />
      <DateInput source="decidedOn" label={m('decision.decidedOn')} validate={required()} />
      <TextInput
        source="decidedBy"
        label={m('decision.decidedBy')}
        fullWidth
        validate={[required(), minLength(2), maxLength(100)]}
      />
      <TextInput
        source="text"
        label={m('decision.text')}
        fullWidth
        multiline
        minRows={3}
        validate={[required(), minLength(2), maxLength(2000)]}
      />
      <TextInput
        source="documentNo"
        label={m('decision.documentNo')}
        fullWidth
        validate={maxLength(100)}
      />
    </FormDialogButton>
  );
}

/** 记录跟进 — what was done after the decision, on which day. */
export function FollowUpButton() {
  const calls = useCalls();
  const c = useActionable();
  if (!c || c.status !== 'decided') return null;
  return (
    <FormDialogButton
      label={m('follow_up')}
      icon={<AddCommentIcon />}
      record={{ on: today() }}
      done={m('followed_up')}
      submitLabel={m('follow_up')}
      onSubmit={(v) =>
        calls.assessmentFollowUpCase(c.id, { on: String(v.on), text: text(v, 'text') })
      }
    >
      <DateInput source="on" label={m('follow_ups.on')} validate={required()} />
      <TextInput
        source="text"
        label={m('follow_ups.text')}
        fullWidth
        multiline
        minRows={3}
        validate={[required(), minLength(2), maxLength(2000)]}
      />
    </FormDialogButton>
  );
}

/** 办结 — the follow-up is complete (after at least one follow-up). */
export function CloseButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const c = useActionable();
  if (!c || c.status !== 'decided' || c.followUps.length === 0) return null;
  return (
    <FormDialogButton
      label={m('close')}
      title={m('close_title')}
      icon={<TaskAltIcon />}
      hint={translate(m('close_hint'))}
      record={{ on: today() }}
      done={m('closed')}
      submitLabel={m('close')}
      submitIcon={<TaskAltIcon />}
      onSubmit={(v) => calls.assessmentCloseCase(c.id, { on: String(v.on), note: text(v, 'note') })}
    >
      <DateInput source="on" label={m('closing.on')} validate={required()} />
      <TextInput
        source="note"
        label={m('closing.note')}
        fullWidth
        multiline
        minRows={2}
        validate={[required(), minLength(2), maxLength(1000)]}
      />
    </FormDialogButton>
  );
}
