import { Create, DateInput, SimpleForm, required } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { PAIRING_ROLES } from '../codes';
import { AssistedHouseholdInput, HelperInput } from '../inputs';

export default function PairingCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ role: 'key' }}>
        <AssistedHouseholdInput source="householdId" validate={required()} />
        <HelperInput source="helperId" validate={required()} />
        <EnumInput source="role" name="PairingRole" codes={PAIRING_ROLES} validate={required()} />
        <DateInput source="startDate" />
      </SimpleForm>
    </Create>
  );
}
