import {
  DateInput,
  Edit,
  Labeled,
  SimpleForm,
  TextField,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { HalfGuard } from '../SupportFields';

/** 修改或解约 — change the doctor or the disease, or end the contract on a day. */
export default function ContractEdit() {
  return (
    <HalfGuard half="health">
      <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <TextInput source="disease" validate={[required(), maxLength(100)]} />
          <TextInput source="doctor" validate={[required(), maxLength(50)]} />
          <TextInput source="team" validate={maxLength(100)} />
          <DateInput source="validUntil" />
          <DateInput source="endedOn" />
        </SimpleForm>
      </Edit>
    </HalfGuard>
  );
}
