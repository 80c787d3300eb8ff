import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { DateTimeField, DayField, EnumArrayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';

const filters = [
  <EnumInput key="cadence" source="cadence" name="InspectionCadence" alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" level="township" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** 督查计划 — who inspects which townships how often, checking what. */
export default function PlanList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="cadence" disableSort>
          <EnumField source="cadence" name="InspectionCadence" />
        </DataTable.Col>
        <DataTable.Col source="checks" disableSort>
          <EnumArrayField source="checks" name="InspectionCheck" />
        </DataTable.Col>
        <DataTable.Col source="inspectorUnit" disableSort />
        <DataTable.Col source="startsOn">
          <DayField source="startsOn" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
