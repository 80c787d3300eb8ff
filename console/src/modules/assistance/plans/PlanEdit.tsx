import { Edit, SimpleForm, TextField, Labeled } from 'react-admin';
import { PlanInputs } from './PlanInputs';

export default function PlanEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <Labeled>
          <TextField source="householdNo" />
        </Labeled>
        <PlanInputs />
      </SimpleForm>
    </Edit>
  );
}
