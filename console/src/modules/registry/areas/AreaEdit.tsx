import { Edit, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { EnumInput } from '../../../common/inputs';

export default function AreaEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="code" disabled />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
        <EnumInput
          source="status"
          name="RecordStatus"
          codes={['active', 'retired']}
          validate={required()}
        />
      </SimpleForm>
    </Edit>
  );
}
