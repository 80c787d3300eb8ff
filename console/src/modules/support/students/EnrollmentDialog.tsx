import AddTaskIcon from '@mui/icons-material/AddTask';
import { required, useCanAccess, useRecordContext } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import { currentTerm, ENROLLMENT_STATUSES, type Student } from '../support.api';
import { TermInput } from '../SupportInputs';
import { SchoolInputs } from './StudentInputs';

/**
 * 登记学籍 — the student's status in a term (在读, 休学, 辍学 …), with the school, stage and
 * grade of that term; the latest term becomes the student's current school.
 */
export function EnrollmentButton() {
  const student = useRecordContext<Student>();
  const { canAccess } = useCanAccess({ resource: 'support-students', action: 'edit' });
  const calls = useCalls();
  if (!student || !canAccess) return null;
  return (
    <FormDialogButton
      label="resources.support-students.record_enrollment"
      icon={<AddTaskIcon />}
      record={{
        term: currentTerm(),
        status: 'enrolled',
        school: student.school,
        stage: student.stage,
        grade: student.grade,
      }}
      done="support.enrollment_recorded"
      alwaysEnable
      onSubmit={(v) => calls.supportRecordEnrollment(student.id, String(v.term), v)}
    >
      <TermInput
        source="term"
        label="resources.support-enrollments.fields.term"
        validate={required()}
      />
      <EnumInput
        source="status"
        name="EnrollmentStatus"
        codes={ENROLLMENT_STATUSES}
        label="resources.support-enrollments.fields.status"
        validate={required()}
      />
      <SchoolInputs optional />
    </FormDialogButton>
  );
}
