import { Create, NumberInput, SimpleForm, maxValue, minValue, required } from 'react-admin';
import { AreaInput } from '../../../common/inputs';
import { ExitTargetInputs } from './ExitTargetInputs';

export default function ExitTargetCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ year: new Date().getFullYear() }}>
        <AreaInput source="areaCode" validate={required()} />
        <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} />
        <ExitTargetInputs />
      </SimpleForm>
    </Create>
  );
}
