import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  TopToolbar,
} from 'react-admin';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
  <AreaInput key="area" source="area" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="assistance" path="/exports/plans.xlsx" fileName="一户一策.xlsx" />
  </TopToolbar>
);

export default function PlanList() {
  return (
    <List sort={{ field: 'householdNo', order: 'ASC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col
          source="causes.mainCause"
          label="resources.plans.fields.mainCause"
          disableSort
        >
          <EnumField source="causes.mainCause" name="PovertyCause" />
        </DataTable.Col>
        <DataTable.Col source="summary" disableSort />
        <DataTable.Col source="progressPercent" render={(r) => `${String(r.progressPercent)}%`} />
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
