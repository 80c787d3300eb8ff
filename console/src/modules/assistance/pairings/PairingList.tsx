import { CreateButton, DataTable, FilterButton, List, SearchInput, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { PAIRING_ROLES, PAIRING_STATUSES } from '../codes';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="status" source="status" name="PairingStatus" codes={PAIRING_STATUSES} alwaysOn />,
  <EnumInput key="role" source="role" name="PairingRole" codes={PAIRING_ROLES} />,
  <AreaInput key="area" source="area" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="assistance" path="/exports/pairings.xlsx" fileName="结对帮扶.xlsx" />
  </TopToolbar>
);

export default function PairingList() {
  return (
    <List
      sort={{ field: 'startDate', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={{ status: 'active' }}
      actions={<Actions />}
    >
      <DataTable rowClick="show">
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="helperName" />
        <DataTable.Col source="helperUnit" disableSort />
        <DataTable.Col source="helperRank" disableSort>
          <EnumField source="helperRank" name="HelperRank" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" name="PairingRole" />
        </DataTable.Col>
        <DataTable.Col source="startDate">
          <DayField source="startDate" />
        </DataTable.Col>
        <DataTable.Col source="endDate">
          <DayField source="endDate" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="PairingStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
