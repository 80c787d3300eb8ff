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
import { SERIOUS_ILLNESS_STATUSES } from '../support.api';
import { HalfGuard } from '../SupportFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="SeriousIllnessStatus"
    codes={SERIOUS_ILLNESS_STATUSES}
    alwaysOn
  />,
  <TextInput key="disease" source="disease" />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

export default function IllnessList() {
  return (
    <HalfGuard half="health">
      <List
        sort={{ field: 'includedOn', order: 'DESC' }}
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
          <DataTable.Col source="hospital" disableSort />
          <DataTable.Col source="diagnosedOn" disableSort>
            <DayField source="diagnosedOn" />
          </DataTable.Col>
          <DataTable.Col source="includedOn">
            <DayField source="includedOn" />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <EnumField source="status" name="SeriousIllnessStatus" chip />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}
