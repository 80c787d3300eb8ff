import {
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  NullableBooleanInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { AreaField, DateTimeField, DayField, YesNoField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <TextInput key="month" source="month" type="month" alwaysOn />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
  <NullableBooleanInput key="lateEntry" source="lateEntry" />,
  <AreaInput key="area" source="area" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton service="assistance" path="/exports/visits.xlsx" fileName="走访记录.xlsx" />
  </TopToolbar>
);

export default function VisitList() {
  return (
    <List sort={{ field: 'date', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="date">
          <DayField source="date" />
        </DataTable.Col>
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="helperName" />
        <DataTable.Col source="findings" disableSort />
        <DataTable.Col
          source="photos"
          disableSort
          render={(r) => String((r.photos as unknown[] | undefined)?.length ?? 0)}
        />
        <DataTable.Col source="lateEntry" disableSort>
          <YesNoField source="lateEntry" />
        </DataTable.Col>
        <DataTable.Col source="recordedAt">
          <DateTimeField source="recordedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
