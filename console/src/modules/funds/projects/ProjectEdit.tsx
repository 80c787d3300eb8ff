import { Edit, Labeled, SimpleForm, TextField, useRecordContext } from 'react-admin';
import type { Project } from '../funds.api';
import { ProjectInputs } from './ProjectInputs';

function Inputs() {
  const p = useRecordContext<Project>();
  return <ProjectInputs fixed={Boolean(p && p.status !== 'proposed')} />;
}

export default function ProjectEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <Labeled>
          <TextField source="code" />
        </Labeled>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
}
