import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { CHRONIC_CARE_STATUSES } from '../support.api';
import { HalfGuard } from '../SupportFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="ChronicCareStatus"
    codes={CHRONIC_CARE_STATUSES}
    alwaysOn
  />,
  <TextInput key="disease" source="disease" />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

export default function ContractList() {
  return (
    <HalfGuard half="health">
      <List
        sort={{ field: 'signedOn', order: 'DESC' }}
        filters={filters}
        actions={
          <TopToolbar>
            <FilterButton />
            <CreateButton />
          </TopToolbar>
        }
        empty={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="areaCode" disableSort>
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="disease" />
          <DataTable.Col source="doctor" />
          <DataTable.Col source="team" disableSort />
          <DataTable.Col source="signedOn">
            <DayField source="signedOn" />
          </DataTable.Col>
          <DataTable.Col source="validUntil" disableSort>
            <DayField source="validUntil" />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <EnumField source="status" name="ChronicCareStatus" chip />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}
