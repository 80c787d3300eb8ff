import { Edit, SimpleForm } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { HELPER_STATUSES } from '../codes';
import { HelperInputs } from './HelperInputs';

export default function HelperEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <HelperInputs />
        <EnumInput source="status" name="HelperStatus" codes={HELPER_STATUSES} />
      </SimpleForm>
    </Edit>
  );
}
