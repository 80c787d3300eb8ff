import { CreateButton, DataTable, FilterButton, List, SearchInput, TopToolbar } from 'react-admin';
import { AreaField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { HELPER_RANKS, HELPER_STATUSES } from '../codes';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="rank" source="rank" name="HelperRank" codes={HELPER_RANKS} alwaysOn />,
  <EnumInput key="status" source="status" name="HelperStatus" codes={HELPER_STATUSES} />,
  <AreaInput key="area" source="area" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="assistance" path="/exports/helpers.xlsx" fileName="帮扶责任人.xlsx" />
  </TopToolbar>
);

export default function HelperList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="unit" />
        <DataTable.Col source="rank">
          <EnumField source="rank" name="HelperRank" />
        </DataTable.Col>
        <DataTable.Col source="position" disableSort />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="load.key" label="resources.helpers.fields.keyLoad" disableSort />
        <DataTable.Col
          source="load.contact"
          label="resources.helpers.fields.contactLoad"
          disableSort
        />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="HelperStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
