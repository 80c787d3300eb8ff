import { Edit, SimpleForm, TextInput } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { UserInputs } from './UserInputs';

/** Changing roles, scope, rights or status ends the user's sessions (the gateway revokes them). */
export default function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TextInput source="username" disabled />
        <EnumInput source="status" name="UserStatus" codes={['active', 'disabled']} />
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
