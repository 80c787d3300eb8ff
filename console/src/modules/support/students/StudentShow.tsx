import {
  DataTable,
  EditButton,
  ReferenceManyField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { Show } from '../../../common/Show';
import {
  AreaField,
  DateTimeField,
  DayField,
  EnumField,
  YesNoField,
  YuanField,
} from '../../../common/fields';
import { EmptyText } from '../EmptyText';
import { GradeField, HalfGuard, TermField } from '../SupportFields';
import { EnrollmentButton } from './EnrollmentDialog';

const Actions = () => (
  <TopToolbar>
    <EnrollmentButton />
    <EditButton />
  </TopToolbar>
);

/** 学籍 — the student's enrollment per term, newest first. */
const Enrollments = () => (
  <ReferenceManyField
    reference="support-enrollments"
    target="studentId"
    sort={{ field: 'term', order: 'DESC' }}
    perPage={50}
  >
    <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText />}>
      <DataTable.Col source="term">
        <TermField source="term" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" name="EnrollmentStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="school" />
      <DataTable.Col source="stage">
        <EnumField source="stage" name="SchoolStage" />
      </DataTable.Col>
      <DataTable.Col source="grade">
        <GradeField source="grade" />
      </DataTable.Col>
      <DataTable.Col source="source">
        <EnumField source="source" name="EnrollmentSource" />
      </DataTable.Col>
      <DataTable.Col source="recordedAt">
        <DateTimeField source="recordedAt" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

/** 资助发放 — what the student was paid, every term. */
const Payments = () => (
  <ReferenceManyField
    reference="support-subsidy-payments"
    target="studentId"
    sort={{ field: 'paidOn', order: 'DESC' }}
    perPage={50}
  >
    <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText />}>
      <DataTable.Col source="term">
        <TermField source="term" />
      </DataTable.Col>
      <DataTable.Col source="type">
        <EnumField source="type" name="SubsidyType" />
      </DataTable.Col>
      <DataTable.Col source="amountFen" align="right">
        <YuanField source="amountFen" />
      </DataTable.Col>
      <DataTable.Col source="paidOn">
        <DayField source="paidOn" />
      </DataTable.Col>
      <DataTable.Col source="department" />
      <DataTable.Col source="voided" disableSort>
        <YesNoField source="voided" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export default function StudentShow() {
  return (
    <HalfGuard half="education">
      <Show actions={<Actions />}>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="resources.support-students.tabs.facts">
            <TextField source="name" />
            <DayField source="birthDate" />
            <AreaField source="areaCode" />
            <AreaField source="townshipCode" />
            <TextField source="school" />
            <EnumField source="stage" name="SchoolStage" />
            <GradeField source="grade" />
            <TermField source="latestTerm" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab
            label="resources.support-students.tabs.enrollments"
            path="enrollments"
          >
            <Enrollments />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.support-students.tabs.payments" path="payments">
            <Payments />
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </Show>
    </HalfGuard>
  );
}
