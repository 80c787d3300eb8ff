import { Create, SimpleForm, required } from 'react-admin';
import { PersonInput } from '../SupportInputs';
import { HalfGuard } from '../SupportFields';
import { SchoolInputs } from './StudentInputs';

/** 登记学生 — start tracking a registered member of the user's area through school. */
export default function StudentCreate() {
  return (
    <HalfGuard half="education">
      <Create redirect="show">
        <SimpleForm>
          <PersonInput source="personId" validate={required()} />
          <SchoolInputs />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}
