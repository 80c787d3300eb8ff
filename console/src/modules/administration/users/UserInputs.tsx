import { TextInput, maxLength, required } from 'react-admin';
import { AreaInput, EnumArrayInput, EnumInput } from '../../../common/inputs';
import { InputGrid } from '../../../common/InputGrid';
import { DEPARTMENTS, ROLES } from './codes';
import { RightsInput } from './RightsInput';

/** Roles, department, scope and rights: what both the new-user and the change forms edit. */
export function UserInputs() {
  return (
    <>
      <InputGrid>
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <EnumArrayInput source="roles" name="Role" codes={ROLES} validate={required()} />
        <EnumInput source="department" name="Department" codes={DEPARTMENTS} />
        <AreaInput source="areaCode" validate={required()} />
      </InputGrid>
      <RightsInput />
    </>
  );
}
