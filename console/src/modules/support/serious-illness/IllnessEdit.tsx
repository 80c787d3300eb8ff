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

/** 修改或结案 — correct the case, or close it on a day. */
export default function IllnessEdit() {
  return (
    <HalfGuard half="health">
      <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <TextInput source="disease" validate={[required(), maxLength(100)]} />
          <TextInput source="hospital" validate={maxLength(100)} />
          <TextInput source="note" multiline fullWidth validate={maxLength(1000)} />
          <DateInput source="closedOn" />
        </SimpleForm>
      </Edit>
    </HalfGuard>
  );
}
