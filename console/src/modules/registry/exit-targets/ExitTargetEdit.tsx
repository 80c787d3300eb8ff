import { Edit, SimpleForm, TextInput } from 'react-admin';
import { ExitTargetInputs } from './ExitTargetInputs';

export default function ExitTargetEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <TextInput source="areaCode" disabled />
        <TextInput source="year" disabled />
        <ExitTargetInputs />
      </SimpleForm>
    </Edit>
  );
}
