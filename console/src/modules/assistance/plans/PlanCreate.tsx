import { Create, SimpleForm, required } from 'react-admin';
import { AssistedHouseholdInput } from '../inputs';
import { PlanInputs } from './PlanInputs';

export default function PlanCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ targets: [] }}>
        <AssistedHouseholdInput source="householdId" validate={required()} />
        <PlanInputs />
      </SimpleForm>
    </Create>
  );
}
