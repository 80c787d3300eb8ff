import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';
import { SCHOOL_STAGES } from '../support.api';
import { GradeField, HalfGuard, TermField } from '../SupportFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="stage" source="stage" name="SchoolStage" codes={SCHOOL_STAGES} alwaysOn />,
  <TextInput key="school" source="school" />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton service="support" path="/exports/students.xlsx" fileName="在校学生.xlsx" />
    <CreateButton />
  </TopToolbar>
);

export default function StudentList() {
  return (
    <HalfGuard half="education">
      <List
        sort={{ field: 'name', order: 'ASC' }}
        filters={filters}
        actions={<Actions />}
        empty={false}
      >
        <DataTable rowClick="show">
          <DataTable.Col source="name" />
          <DataTable.Col source="birthDate" disableSort>
            <DayField source="birthDate" />
          </DataTable.Col>
          <DataTable.Col source="school" />
          <DataTable.Col source="stage">
            <EnumField source="stage" name="SchoolStage" />
          </DataTable.Col>
          <DataTable.Col source="grade">
            <GradeField source="grade" />
          </DataTable.Col>
          <DataTable.Col source="latestTerm" disableSort>
            <TermField source="latestTerm" />
          </DataTable.Col>
          <DataTable.Col source="areaCode">
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="updatedAt">
            <DateTimeField source="updatedAt" />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}
