import { Create, DateInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { today } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { PersonInput } from '../SupportInputs';

/** 纳入大病救助 — a registered person with a serious illness taken into relief. */
export default function IllnessCreate() {
  return (
    <HalfGuard half="health">
      <Create redirect="show">
        <SimpleForm defaultValues={{ includedOn: today() }}>
          <PersonInput source="personId" validate={required()} />
          <TextInput source="disease" validate={[required(), maxLength(100)]} />
          <TextInput source="hospital" validate={maxLength(100)} />
          <DateInput source="diagnosedOn" />
          <DateInput source="includedOn" validate={required()} />
          <TextInput source="note" multiline fullWidth validate={maxLength(1000)} />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}
