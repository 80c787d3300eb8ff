import { DataTable, List } from 'react-admin';
import { EnumArrayField, YesNoField } from '../../../common/fields';
import { RoleNameField } from './RoleFields';

export default function RoleList() {
  return (
    <List pagination={false} exporter={false} actions={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="zh" disableSort>
          <RoleNameField source="zh" />
        </DataTable.Col>
        <DataTable.Col source="levels" disableSort>
          <EnumArrayField source="levels" name="AreaLevel" />
        </DataTable.Col>
        <DataTable.Col source="needsDepartment" disableSort>
          <YesNoField source="needsDepartment" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
