import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ENROLLMENT_STATUSES, SCHOOL_STAGES } from '../support.api';
import { GradeField, HalfGuard, TermField } from '../SupportFields';
import { TermInput } from '../SupportInputs';
import { Spinner } from '../../../common/Spinner';
import { useLatestTerm } from '../latest-term';

const filters = [
  <TermInput key="term" source="term" alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="EnrollmentStatus"
    codes={ENROLLMENT_STATUSES}
    alwaysOn
  />,
  <EnumInput key="stage" source="stage" name="SchoolStage" codes={SCHOOL_STAGES} />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
];

export default function EnrollmentList() {
  return (
    <HalfGuard half="education">
      <Listed />
    </HalfGuard>
  );
}

/** The list, once the term it opens on is known (only for users of the education half). */
function Listed() {
  const term = useLatestTerm();
  if (!term) return <Spinner />;
  return (
    <List
      sort={{ field: 'name', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ term }}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick={(_id, _resource, r) => `/support-students/${String(r.studentId)}/show`}>
        <DataTable.Col source="name" />
        <DataTable.Col source="term">
          <TermField source="term" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="EnrollmentStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="school" disableSort />
        <DataTable.Col source="stage">
          <EnumField source="stage" name="SchoolStage" />
        </DataTable.Col>
        <DataTable.Col source="grade" disableSort>
          <GradeField source="grade" />
        </DataTable.Col>
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="source" disableSort>
          <EnumField source="source" name="EnrollmentSource" />
        </DataTable.Col>
        <DataTable.Col source="recordedAt">
          <DateTimeField source="recordedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
