import { CreateButton, DataTable, List, NumberInput, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';

const filters = [
  <AreaInput key="areaCode" source="areaCode" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
];

export default function ExitTargetList() {
  return (
    <List
      sort={{ field: 'year', order: 'DESC' }}
      filters={filters}
      empty={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit">
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="year" />
        <DataTable.NumberCol source="households" />
        <DataTable.NumberCol source="people" disableSort />
        <DataTable.NumberCol source="incidencePercent" disableSort />
        <DataTable.NumberCol source="villages" disableSort />
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
