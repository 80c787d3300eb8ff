import {
  ArrayInput,
  Create,
  DateInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { TEAM_ROLES } from '../codes';
import { HelperInput } from '../inputs';

const m = (k: string) => `resources.work-teams.member.${k}`;

/**
 * 派驻工作队 — the village, the sending unit and the members: each one typed in or chosen among
 * the helpers (whose name and unit then fill in), with the role and the days they join and leave.
 */
export default function WorkTeamCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ members: [{ role: 'leader' }] }}>
        <AreaInput source="areaCode" level="village" validate={required()} />
        <InputGrid>
          <TextInput source="unit" validate={[required(), maxLength(100)]} />
          <TextInput source="name" validate={maxLength(100)} />
          <DateInput source="termStart" />
          <DateInput source="termEnd" />
        </InputGrid>
        <ArrayInput source="members">
          <SimpleFormIterator inline disableReordering>
            <EnumInput
              source="role"
              label={m('role')}
              name="TeamRole"
              codes={TEAM_ROLES}
              defaultValue="member"
              validate={required()}
            />
            <TextInput source="name" label={m('name')} validate={maxLength(50)} />
            <HelperInput source="helperId" label={m('helperId')} sx={{ minWidth: 240 }} />
            <TextInput source="unit" label={m('unit')} validate={maxLength(100)} />
            <DateInput source="from" label={m('from')} />
            <DateInput source="to" label={m('to')} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
