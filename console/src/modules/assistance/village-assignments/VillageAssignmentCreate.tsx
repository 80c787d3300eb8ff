import { Create, DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ASSIGNMENT_KINDS } from '../codes';
import { HelperInput } from '../inputs';

/**
 * 新增挂包安排 — the village, and the person either chosen among the helpers (name, unit and
 * department then come from the helper) or typed in.
 */
export default function VillageAssignmentCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'first_secretary' }}>
        <EnumInput
          source="kind"
          name="AssignmentKind"
          codes={ASSIGNMENT_KINDS}
          validate={required()}
        />
        <AreaInput source="areaCode" level="village" validate={required()} />
        <HelperInput source="helperId" helperText="resources.village-assignments.helper_hint" />
        <InputGrid>
          <TextInput source="personName" />
          <TextInput source="position" />
          <TextInput source="unit" />
          <EnumInput source="department" name="Department" />
          <DateInput source="startDate" />
          <DateInput source="endDate" />
        </InputGrid>
      </SimpleForm>
    </Create>
  );
}
