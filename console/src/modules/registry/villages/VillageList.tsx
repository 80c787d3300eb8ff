import { DataTable, List, NullableBooleanInput, SearchInput } from 'react-admin';
import { AreaField, PercentField, YesNoField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" alwaysOn />,
  <NullableBooleanInput key="poorVillage" source="poorVillage" />,
  <NullableBooleanInput key="exited" source="exited" />,
];

export default function VillageList() {
  return (
    <List sort={{ field: 'code', order: 'ASC' }} filters={filters}>
      <DataTable rowClick="show">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="townshipCode" disableSort>
          <AreaField source="townshipCode" />
        </DataTable.Col>
        <DataTable.Col source="poorVillage" disableSort>
          <YesNoField source="poorVillage" />
        </DataTable.Col>
        <DataTable.NumberCol source="ruralPopulation" disableSort />
        <DataTable.NumberCol source="registeredHouseholds" disableSort />
        <DataTable.NumberCol source="stillPoorPeople" disableSort />
        <DataTable.Col source="povertyIncidencePercent" disableSort align="right">
          <PercentField source="povertyIncidencePercent" />
        </DataTable.Col>
        <DataTable.Col source="exited" disableSort>
          <YesNoField source="exited" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
