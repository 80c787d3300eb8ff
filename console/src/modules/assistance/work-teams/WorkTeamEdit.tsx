import { Edit, SimpleForm } from 'react-admin';
import { AreaField } from '../../../common/fields';
import { WorkTeamInputs } from './WorkTeamInputs';

/**
 * 调整工作队 — a team in office: its unit, name and term, members joining or leaving. The
 * service keeps every earlier version in the team's history; a team whose term has ended
 * cannot be changed (it answers so).
 */
export default function WorkTeamEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <AreaField source="areaCode" />
        <WorkTeamInputs />
      </SimpleForm>
    </Edit>
  );
}
