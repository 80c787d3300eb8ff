import EditNoteIcon from '@mui/icons-material/EditNote';
import { BooleanInput, required, useCanAccess, useRecordContext } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import { INSURANCE_KINDS, type InsuredPerson } from '../support.api';

const f = (k: string) => `resources.support-insurance.fields.${k}`;

/** 登记参保 from the list: one person, the listed year, one insurance at a time. */
export function RecordInsuranceButton() {
  const person = useRecordContext<InsuredPerson>();
  const { canAccess } = useCanAccess({ resource: 'support-insurance', action: 'create' });
  const calls = useCalls();
  if (!person || !canAccess) return null;
  return (
    <FormDialogButton
      label="resources.support-insurance.record"
      title="resources.support-insurance.record_title"
      titleArgs={{ name: person.name, year: person.year }}
      icon={<EditNoteIcon />}
      maxWidth="xs"
      inRow
      record={{ kind: 'basic_medical', enrolled: !person.basic_medical }}
      done="resources.support-insurance.recorded"
      alwaysEnable
      onSubmit={(v) =>
        calls.supportRecordInsurance({
          personId: person.id,
          year: person.year,
          kind: v.kind,
          enrolled: Boolean(v.enrolled),
        })
      }
    >
      <EnumInput
        source="kind"
        name="InsuranceKind"
        codes={INSURANCE_KINDS}
        label={f('kind')}
        validate={required()}
      />
      <BooleanInput source="enrolled" label={f('enrolled')} />
    </FormDialogButton>
  );
}
