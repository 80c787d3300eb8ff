import { DataTable, List, ReferenceManyField, SearchInput, Title, useTranslate } from 'react-admin';
import { EnumArrayField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="level"
    source="level"
    name="AreaLevel"
    codes={['county', 'township', 'village']}
    alwaysOn
  />,
];

/** The users whose scope is one area, under that area's row. */
function UsersInScope() {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="users"
      target="areaCode"
      sort={{ field: 'username', order: 'ASC' }}
      perPage={50}
      empty={<span>{translate('resources.scopes.no_users')}</span>}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles">
          <EnumArrayField source="roles" name="Role" />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}

/**
 * 管辖范围 — the area tree with the users scoped to each area (a township user sees and
 * edits only its township; the scope is set on the user).
 */
export default function ScopesPage() {
  return (
    <>
      <Title title="resources.scopes.name" />
      <List
        resource="areas"
        sort={{ field: 'code', order: 'ASC' }}
        filters={filters}
        filterDefaultValues={{ level: 'township' }}
        actions={false}
        disableSyncWithLocation
        storeKey="scopes.areas"
        title="resources.scopes.name"
      >
        <DataTable expand={<UsersInScope />} rowClick="expand" bulkActionButtons={false}>
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
          <DataTable.Col source="level">
            <EnumField source="level" name="AreaLevel" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}
