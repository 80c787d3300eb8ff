import { Edit, NumberInput, SimpleForm, TextInput, minValue, required } from 'react-admin';

export default function ExitTargetEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <TextInput source="areaCode" disabled />
        <TextInput source="year" disabled />
        <NumberInput source="households" validate={[required(), minValue(0)]} />
        <NumberInput source="people" validate={minValue(0)} />
      </SimpleForm>
    </Edit>
  );
}
