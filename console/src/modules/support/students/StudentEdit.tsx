import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { HalfGuard } from '../SupportFields';
import { SchoolInputs } from './StudentInputs';

/** 修改学生 — correct the current school, stage or grade. */
export default function StudentEdit() {
  return (
    <HalfGuard half="education">
      <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <SchoolInputs />
        </SimpleForm>
      </Edit>
    </HalfGuard>
  );
}
