import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  TopToolbar,
} from 'react-admin';
import { ExportButton } from '../../../common/ExportButton';
import { AreaField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { PROJECT_STATUSES, PROJECT_TYPES } from '../codes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="status" source="status" name="ProjectStatus" codes={PROJECT_STATUSES} alwaysOn />,
  <EnumInput key="type" source="type" name="ProjectType" codes={PROJECT_TYPES} />,
  <NumberInput key="year" source="year" />,
  <AreaInput key="areaCode" source="areaCode" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="funds" path="/exports/projects.xlsx" fileName="projects.xlsx" />
  </TopToolbar>
);

export default function ProjectList() {
  return (
    <List sort={{ field: 'code', order: 'ASC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="type" disableSort>
          <EnumField source="type" name="ProjectType" />
        </DataTable.Col>
        <DataTable.Col source="year" />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="plannedTotalFen" align="right">
          <YuanField source="plannedTotalFen" />
        </DataTable.Col>
        <DataTable.Col source="money.disbursedFen" align="right" disableSort>
          <YuanField source="money.disbursedFen" />
        </DataTable.Col>
        <DataTable.Col source="money.availableFen" align="right">
          <YuanField source="money.availableFen" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="ProjectStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
