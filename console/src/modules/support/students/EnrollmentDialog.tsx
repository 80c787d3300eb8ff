import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  Toolbar,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import AddTaskIcon from '@mui/icons-material/AddTask';
import { EnumInput } from '../../../common/inputs';
import { useNotifyProblem } from '../../../providers/problem';
import { currentTerm, ENROLLMENT_STATUSES, type Student } from '../support.api';
import { TermInput } from '../SupportInputs';
import { recordEnrollment } from './student.api';
import { SchoolInputs } from './StudentInputs';

/**
 * 登记学籍 — the student's status in a term (在读, 休学, 辍学 …), with the school, stage and
 * grade of that term; the latest term becomes the student's current school.
 */
export function EnrollmentButton() {
  const translate = useTranslate();
  const student = useRecordContext<Student>();
  const { canAccess } = useCanAccess({ resource: 'support-students', action: 'edit' });
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!student || !canAccess) return null;
  const submit = async (v: Record<string, unknown>) => {
    try {
      await recordEnrollment(student.id, String(v.term), v);
      notify('support.enrollment_recorded', { type: 'info' });
      setOpen(false);
      refresh();
    } catch (err) {
      notifyProblem(err);
    }
  };
  return (
    <>
      <Button label="resources.support-students.record_enrollment" onClick={() => setOpen(true)}>
        <AddTaskIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.support-students.record_enrollment')}</DialogTitle>
        <DialogContent>
          <Form
            record={{
              term: currentTerm(),
              status: 'enrolled',
              school: student.school,
              stage: student.stage,
              grade: student.grade,
            }}
            onSubmit={submit}
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
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label="app.common.submit" alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
