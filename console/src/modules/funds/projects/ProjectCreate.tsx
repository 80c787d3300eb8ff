import { Create, SimpleForm } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

export default function ProjectCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          year: new Date().getFullYear(),
          beneficiaries: { households: 0, people: 0 },
        }}
      >
        <ProjectInputs create />
      </SimpleForm>
    </Create>
  );
}
