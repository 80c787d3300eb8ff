import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ASSIGNMENT_KINDS, TERM_STATUSES } from '../codes';
import { HelperInput } from '../inputs';

const filters = [
  <EnumInput key="kind" source="kind" name="AssignmentKind" codes={ASSIGNMENT_KINDS} alwaysOn />,
  <EnumInput key="status" source="status" name="TermStatus" codes={TERM_STATUSES} alwaysOn />,
  <AreaInput key="area" source="area" />,
  <HelperInput key="helperId" source="helperId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export default function VillageAssignmentList() {
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
        <DataTable.Col source="kind">
          <EnumField source="kind" name="AssignmentKind" />
        </DataTable.Col>
        <DataTable.Col source="personName" disableSort />
        <DataTable.Col source="position" disableSort />
        <DataTable.Col source="unit" disableSort />
        <DataTable.Col source="startDate">
          <DayField source="startDate" />
        </DataTable.Col>
        <DataTable.Col source="endDate" disableSort>
          <DayField source="endDate" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="TermStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
