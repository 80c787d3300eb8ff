import { CreateButton, DataTable, FilterButton, List, SearchInput, TopToolbar } from 'react-admin';
import { DayField, EnumField, YuanField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { SOURCES } from '../codes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="source" source="source" name="FundingSource" codes={SOURCES} alwaysOn />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export default function BatchList() {
  return (
    <List sort={{ field: 'issuedOn', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="documentNo" />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="source" disableSort>
          <EnumField source="source" name="FundingSource" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="allocatedFen" align="right" disableSort>
          <YuanField source="allocatedFen" />
        </DataTable.Col>
        <DataTable.Col source="arrivedFen" align="right" disableSort>
          <YuanField source="arrivedFen" />
        </DataTable.Col>
        <DataTable.Col source="issuedOn">
          <DayField source="issuedOn" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
