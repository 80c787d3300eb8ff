import { Create, NumberInput, SimpleForm, maxValue, minValue, required } from 'react-admin';
import { AreaInput } from '../../../common/inputs';

export default function ExitTargetCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ year: new Date().getFullYear() }}>
        <AreaInput source="areaCode" validate={required()} />
        <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} />
        <NumberInput source="households" validate={[required(), minValue(0)]} />
        <NumberInput source="people" validate={minValue(0)} />
      </SimpleForm>
    </Create>
  );
}
