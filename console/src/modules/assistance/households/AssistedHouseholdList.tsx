import {
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TopToolbar,
} from 'react-admin';
import { AreaField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ASSISTED_STATUSES } from '../codes';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="HouseholdStatus"
    codes={ASSISTED_STATUSES}
    alwaysOn
  />,
  <NullableBooleanInput key="paired" source="paired" alwaysOn />,
  <AreaInput key="area" source="area" />,
];

export default function AssistedHouseholdList() {
  return (
    <List
      sort={{ field: 'householdNo', order: 'ASC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show">
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="headName" disableSort />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="HouseholdStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="mainCause" disableSort>
          <EnumField source="mainCause" name="PovertyCause" />
        </DataTable.Col>
        <DataTable.Col source="size" />
        <DataTable.Col source="perCapitaIncomeFen" align="right" disableSort>
          <YuanField source="perCapitaIncomeFen" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
