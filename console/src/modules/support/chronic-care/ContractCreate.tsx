import { Create, DateInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { today } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { PersonInput } from '../SupportInputs';

/** 签约 — a family doctor (and team) takes on a person's chronic illness. */
export default function ContractCreate() {
  return (
    <HalfGuard half="health">
      <Create redirect="show">
        <SimpleForm defaultValues={{ signedOn: today() }}>
          <PersonInput source="personId" validate={required()} />
          <TextInput source="disease" validate={[required(), maxLength(100)]} />
          <TextInput source="doctor" validate={[required(), maxLength(50)]} />
          <TextInput source="team" validate={maxLength(100)} />
          <DateInput source="signedOn" validate={required()} />
          <DateInput source="validUntil" />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}
