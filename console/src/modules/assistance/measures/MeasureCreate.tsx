import { Create, SimpleForm, required } from 'react-admin';
import { AssistedHouseholdInput } from '../inputs';
import { MeasureInputs } from './MeasureInputs';

export default function MeasureCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <AssistedHouseholdInput source="householdId" validate={required()} />
        <MeasureInputs />
      </SimpleForm>
    </Create>
  );
}
