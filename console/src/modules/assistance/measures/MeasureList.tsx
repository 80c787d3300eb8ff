import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { MEASURE_CATEGORIES, MEASURE_STATUSES } from '../codes';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <EnumInput
    key="category"
    source="category"
    name="MeasureCategory"
    codes={MEASURE_CATEGORIES}
    alwaysOn
  />,
  <EnumInput key="status" source="status" name="MeasureStatus" codes={MEASURE_STATUSES} alwaysOn />,
  <AreaInput key="area" source="area" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="assistance" path="/exports/measures.xlsx" fileName="帮扶措施.xlsx" />
  </TopToolbar>
);

export default function MeasureList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="category">
          <EnumField source="category" name="MeasureCategory" />
        </DataTable.Col>
        <DataTable.Col source="type" disableSort />
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="helperName" disableSort />
        <DataTable.Col source="startDate">
          <DayField source="startDate" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="MeasureStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
