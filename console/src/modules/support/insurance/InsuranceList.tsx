import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { AreaField, DayField, EnumField, YesNoField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';
import { INSURANCE_KINDS, thisYear } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { YearInput } from '../SupportInputs';
import { RecordInsuranceButton } from './RecordInsuranceButton';

const filters = [
  <YearInput key="year" source="year" alwaysOn />,
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="kind" source="kind" name="InsuranceKind" codes={INSURANCE_KINDS} alwaysOn />,
  <NullableBooleanInput key="enrolled" source="enrolled" alwaysOn />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

/** The export takes the year apart from the filter, as the list does. */
function Export() {
  const { filterValues } = useListContext();
  const year = typeof filterValues?.year === 'number' ? filterValues.year : thisYear();
  return (
    <ExportButton
      service="support"
      path="/exports/insurance.xlsx"
      fileName={`参保情况-${year}.xlsx`}
      query={{ year: String(year) }}
    />
  );
}

export default function InsuranceList() {
  return (
    <HalfGuard half="health">
      <List
        sort={{ field: 'name', order: 'ASC' }}
        filters={filters}
        filterDefaultValues={{ year: thisYear() }}
        actions={
          <TopToolbar>
            <FilterButton />
            <Export />
            <CreateButton />
          </TopToolbar>
        }
        empty={false}
      >
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="sex" disableSort>
            <EnumField source="sex" name="Sex" />
          </DataTable.Col>
          <DataTable.Col source="birthDate">
            <DayField source="birthDate" />
          </DataTable.Col>
          <DataTable.Col source="householdNo">
            <TextField source="householdNo" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="areaCode">
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="year" disableSort />
          {INSURANCE_KINDS.map((k) => (
            <DataTable.Col key={k} source={k} disableSort>
              <YesNoField source={k} />
            </DataTable.Col>
          ))}
          <DataTable.Col label="app.common.actions">
            <RecordInsuranceButton />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}
