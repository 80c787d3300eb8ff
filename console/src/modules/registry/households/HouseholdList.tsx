import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberInput,
  SearchInput,
  TextInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { Link } from 'react-router';
import { AreaField, DateTimeField, EnumField, YesNoField, YuanField } from '../../../common/fields';
import { ExportButton } from '../../../common/ExportButton';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { HOUSEHOLD_STATUSES } from './codes';
import { HeadNameField } from './HeadNameField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="HouseholdStatus"
    codes={HOUSEHOLD_STATUSES}
    alwaysOn
  />,
  <AreaInput key="area" source="area" />,
  <EnumInput key="attribute" source="attribute" name="PovertyAttribute" />,
  <EnumInput key="mainCause" source="mainCause" name="PovertyCause" />,
  <EnumInput key="cause" source="cause" name="PovertyCause" />,
  <NullableBooleanInput key="belowPovertyLine" source="belowPovertyLine" />,
  <NumberInput key="identificationYear" source="identificationYear" />,
  <NumberInput key="exitYear" source="exitYear" />,
  <TextInput key="memberName" source="memberName" />,
];

function ImportButton() {
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/imports/create" label="resources.households.import_button">
      <UploadFileIcon />
    </Button>
  );
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ImportButton />
    {/* The households as the import template's workbook, one row per member; audited. */}
    <ExportButton
      service="registry"
      path="/exports/households.xlsx"
      fileName="households.xlsx"
      unmask="registry"
      alwaysAskReason
      withSort
      title="app.export.title"
      hint="app.export.hint"
    />
    <CreateButton />
  </TopToolbar>
);

export default function HouseholdList() {
  return (
    <List
      sort={{ field: 'householdNo', order: 'ASC' }}
      filters={filters}
      actions={<Actions />}
      empty={false}
    >
      <DataTable rowClick="show">
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="headName">
          <HeadNameField source="headName" />
        </DataTable.Col>
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="HouseholdStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="attribute" disableSort>
          <EnumField source="attribute" name="PovertyAttribute" />
        </DataTable.Col>
        <DataTable.Col source="mainCause" disableSort>
          <EnumField source="mainCause" name="PovertyCause" />
        </DataTable.Col>
        <DataTable.Col source="size" />
        <DataTable.Col source="perCapitaIncomeFen" align="right">
          <YuanField source="perCapitaIncomeFen" />
        </DataTable.Col>
        <DataTable.Col source="belowPovertyLine" disableSort>
          <YesNoField source="belowPovertyLine" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
