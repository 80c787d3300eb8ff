import { Create, SimpleForm } from 'react-admin';
import { AreaInput } from '../../../common/inputs';
import { HelperInputs } from './HelperInputs';

export default function HelperCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ rank: 'general' }}>
        <HelperInputs />
        <AreaInput source="areaCode" />
      </SimpleForm>
    </Create>
  );
}
