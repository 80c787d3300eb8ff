import { TextInput, maxLength, required } from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput } from '../../../common/inputs';
import { HELPER_RANKS } from '../codes';

/** What a helper is registered with (the area is chosen only on registration). */
export const HelperInputs = () => (
  <InputGrid>
    <TextInput source="name" validate={[required(), maxLength(50)]} />
    <TextInput source="unit" validate={[required(), maxLength(100)]} />
    <EnumInput source="department" name="Department" />
    <EnumInput source="rank" name="HelperRank" codes={HELPER_RANKS} validate={required()} />
    <TextInput source="position" validate={maxLength(50)} />
    <TextInput source="phone" validate={maxLength(30)} />
  </InputGrid>
);
