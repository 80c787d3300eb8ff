import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import {
  DateInput,
  FormDataConsumer,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import { DROPOUT_CLOSE_REASONS, today, type DropoutCase } from '../support.api';

const l = (k: string) => `resources.support-dropout-cases.${k}`;

/**
 * 包保责任人、跟踪记录、销号 — the actions of an open case. Closing needs an owner and at least
 * one follow-up (the service refuses otherwise, and says why); a return to school names the
 * school.
 */
export function DropoutActions() {
  const c = useRecordContext<DropoutCase>();
  const { canAccess } = useCanAccess({ resource: 'support-dropout-cases', action: 'create' });
  const calls = useCalls();
  if (!c || c.status !== 'open' || !canAccess) return null;
  return (
    <>
      <FormDialogButton
        label={l(c.owner ? 'change_owner' : 'assign_owner')}
        alwaysEnable
        listRefusals
        icon={<AssignmentIndIcon />}
        record={{ name: c.owner?.name ?? '', unit: c.owner?.unit ?? '' }}
        onSubmit={(v) =>
          calls.supportDropoutAssignOwner(c, {
            name: String(v.name),
            unit: (v.unit as string) ?? null,
          })
        }
        done={l('owner_assigned')}
      >
        <TextInput
          source="name"
          label={l('fields.owner.name')}
          validate={[required(), maxLength(50)]}
          fullWidth
        />
        <TextInput
          source="unit"
          label={l('fields.owner.unit')}
          validate={maxLength(100)}
          fullWidth
        />
      </FormDialogButton>
      <FormDialogButton
        label={l('add_follow_up')}
        alwaysEnable
        listRefusals
        icon={<NoteAddIcon />}
        record={{ on: today() }}
        onSubmit={(v) => calls.supportDropoutFollowUp(c, String(v.on), String(v.note))}
        done={l('follow_up_added')}
      >
        <DateInput source="on" label={l('follow_up.on')} validate={required()} />
        <TextInput
          source="note"
          label={l('follow_up.note')}
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
      </FormDialogButton>
      <FormDialogButton
        label={l('close')}
        alwaysEnable
        listRefusals
        icon={<DoneAllIcon />}
        record={{ reason: 'returned_to_school' }}
        onSubmit={(v) =>
          calls.supportDropoutClose(c, {
            reason: String(v.reason),
            note: String(v.note),
            school: v.reason === 'returned_to_school' ? String(v.school ?? '') : null,
          })
        }
        done={l('closed_done')}
      >
        <EnumInput
          source="reason"
          name="DropoutCloseReason"
          codes={DROPOUT_CLOSE_REASONS}
          label={l('fields.closeReason')}
          validate={required()}
          fullWidth
        />
        <FormDataConsumer>
          {({ formData }) =>
            formData.reason === 'returned_to_school' ? (
              <TextInput
                source="school"
                label={l('fields.returnedTo')}
                validate={[required(), maxLength(100)]}
                fullWidth
              />
            ) : null
          }
        </FormDataConsumer>
        <TextInput
          source="note"
          label={l('fields.closeNote')}
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
      </FormDialogButton>
    </>
  );
}
