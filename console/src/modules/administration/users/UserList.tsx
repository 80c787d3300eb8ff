import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, EnumArrayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { DEPARTMENTS, ROLES } from './codes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="role" source="role" name="Role" codes={ROLES} alwaysOn />,
  <EnumInput key="department" source="department" name="Department" codes={DEPARTMENTS} />,
  <AreaInput key="areaCode" source="areaCode" />,
  <EnumInput key="status" source="status" name="UserStatus" codes={['active', 'disabled']} />,
];

export default function UserList() {
  return (
    <List
      sort={{ field: 'username', order: 'ASC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show">
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles" disableSort>
          <EnumArrayField source="roles" name="Role" />
        </DataTable.Col>
        <DataTable.Col source="department" disableSort>
          <EnumField source="department" name="Department" />
        </DataTable.Col>
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="UserStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
