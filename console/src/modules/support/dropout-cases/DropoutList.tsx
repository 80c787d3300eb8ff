import {
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberInput,
  SearchInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';
import { COMPULSORY_STAGES, DROPOUT_STATUSES, type DropoutCase } from '../support.api';
import { HalfGuard, TermField } from '../SupportFields';
import { ExpectedGrade } from './ExpectedGrade';
import { ScanButton } from './ScanButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="DropoutCaseStatus"
    codes={DROPOUT_STATUSES}
    alwaysOn
  />,
  <NullableBooleanInput key="hasOwner" source="hasOwner" alwaysOn />,
  <EnumInput
    key="expectedStage"
    source="expectedStage"
    name="SchoolStage"
    codes={COMPULSORY_STAGES}
  />,
  <NumberInput key="schoolYear" source="schoolYear" />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ScanButton />
    <ExportButton
      service="support"
      path="/exports/dropout-cases.xlsx"
      fileName="控辍保学台账.xlsx"
    />
  </TopToolbar>
);

const FollowUpCount = () => {
  const c = useRecordContext<DropoutCase>();
  return <span>{c ? c.followUps.length : 0}</span>;
};

export default function DropoutList() {
  return (
    <HalfGuard half="education">
      <List
        sort={{ field: 'openedAt', order: 'DESC' }}
        filters={filters}
        filterDefaultValues={{ status: 'open' }}
        actions={<Actions />}
        empty={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="birthDate" disableSort>
            <DayField source="birthDate" />
          </DataTable.Col>
          <DataTable.Col source="expectedGrade">
            <ExpectedGrade />
          </DataTable.Col>
          <DataTable.Col source="term" disableSort>
            <TermField source="term" />
          </DataTable.Col>
          <DataTable.Col source="areaCode">
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="owner.name" disableSort />
          <DataTable.Col source="followUps" disableSort>
            <FollowUpCount />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <EnumField source="status" name="DropoutCaseStatus" chip />
          </DataTable.Col>
          <DataTable.Col source="openedAt">
            <DateTimeField source="openedAt" />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}
