import {
  Create,
  DateInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, EnumInput } from '../../../common/inputs';

/**
 * 登记信访件 — the name and phone are stored encrypted and shown masked; leave the name empty
 * for an anonymous complaint. The due day defaults to the county's rule (15 days).
 */
export default function ComplaintCreate() {
  const translate = useTranslate();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ receivedOn: formatDay(new Date().toISOString()) }}>
        <InputGrid min={260}>
          <DateInput source="receivedOn" validate={required()} />
          <EnumInput source="channel" name="ComplaintChannel" validate={required()} />
          <EnumInput source="subject" name="ComplaintSubject" validate={required()} />
          <AreaInput source="areaCode" validate={required()} />
          <TextInput source="complainantName" validate={maxLength(40)} />
          <TextInput source="complainantPhone" validate={maxLength(20)} />
        </InputGrid>
        <TextInput
          source="text"
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(4000)]}
        />
        <InputGrid min={260}>
          <TextInput source="householdId" />
          <AreaInput source="unitTownship" level="township" />
          <EnumInput source="unitDepartment" name="Department" />
          <DateInput source="dueOn" helperText={translate('assessment.complaints.due_hint')} />
        </InputGrid>
      </SimpleForm>
    </Create>
  );
}
