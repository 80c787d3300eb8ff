import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import type { WorkTeam } from '../assistance.api';
import { TERM_STATUSES } from '../codes';

const filters = [
  <EnumInput key="status" source="status" name="TermStatus" codes={TERM_STATUSES} alwaysOn />,
  <AreaInput key="area" source="area" alwaysOn />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** The members serving now (no leaving day), by name. */
function ServingMembers() {
  const team = useRecordContext<WorkTeam>();
  const serving = (team?.members ?? []).filter((m) => !m.to).map((m) => m.name);
  return <span>{serving.length ? serving.join('、') : '—'}</span>;
}

export default function WorkTeamList() {
  return (
    <List
      sort={{ field: 'areaCode', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ status: 'active' }}
      actions={<Actions />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="unit" disableSort />
        <DataTable.Col source="members" disableSort>
          <ServingMembers />
        </DataTable.Col>
        <DataTable.Col source="termStart">
          <DayField source="termStart" />
        </DataTable.Col>
        <DataTable.Col source="termEnd" disableSort>
          <DayField source="termEnd" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="TermStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
