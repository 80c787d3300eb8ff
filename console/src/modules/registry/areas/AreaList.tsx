import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { AreaImportButton } from './AreaImportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="level" source="level" name="AreaLevel" alwaysOn />,
  <EnumInput key="status" source="status" name="RecordStatus" codes={['active', 'retired']} />,
  <AreaInput key="parentCode" source="parentCode" />,
];

const Actions = () => (
  <TopToolbar>
    <AreaImportButton />
    <CreateButton />
  </TopToolbar>
);

export default function AreaList() {
  return (
    <List sort={{ field: 'code', order: 'ASC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="level">
          <EnumField source="level" name="AreaLevel" />
        </DataTable.Col>
        <DataTable.Col source="parentCode" disableSort>
          <AreaField source="parentCode" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="RecordStatus" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
