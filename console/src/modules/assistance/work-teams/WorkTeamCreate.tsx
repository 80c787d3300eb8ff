import { Create, SimpleForm, required } from 'react-admin';
import { AreaInput } from '../../../common/inputs';
import { WorkTeamInputs } from './WorkTeamInputs';

/** 派驻工作队 — the village, then the sending unit, the term and the members. */
export default function WorkTeamCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ members: [{ role: 'leader' }] }}>
        <AreaInput source="areaCode" level="village" validate={required()} />
        <WorkTeamInputs />
      </SimpleForm>
    </Create>
  );
}
