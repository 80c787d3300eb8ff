import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { MeasureInputs } from './MeasureInputs';

export default function MeasureEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <Labeled>
          <TextField source="householdNo" />
        </Labeled>
        <MeasureInputs />
      </SimpleForm>
    </Edit>
  );
}
