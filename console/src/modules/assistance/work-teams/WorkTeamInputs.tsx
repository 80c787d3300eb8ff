import {
  ArrayInput,
  DateInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput } from '../../../common/inputs';
import { TEAM_ROLES } from '../codes';
import { HelperInput } from '../inputs';

const m = (k: string) => `resources.work-teams.member.${k}`;

/**
 * The sending unit, the team's name and term, and the members: each one typed in or chosen
 * among the helpers (whose name and unit then fill in), with the role and the days they join
 * and leave. The village is chosen once, when the team is sent.
 */
export function WorkTeamInputs() {
  return (
    <>
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
    </>
  );
}
