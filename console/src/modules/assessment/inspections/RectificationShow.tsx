import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import {
  Labeled,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  minLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import { Show } from '../../../common/Show';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { HistoryTable } from './HistoryTable';
import { InspectionFilesInput } from './InspectionFilesInput';
import type { Rectification } from './inspections.api';
import { RectificationStatusField } from './RectificationList';

const r = (k: string) => `assessment.rectifications.${k}`;

/**
 * 提交整改材料 / 复核销号 / 退回 — the steps the order's state and the user's rights allow. A
 * refusal (复核 by the person who sent the evidence: 双人复核) stays on the page.
 */
function Steps() {
  const o = useRecordContext<Rectification>();
  const calls = useCalls();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!o) return null;
  const submit =
    hasRight(permissions, 'assessment', 'write') &&
    (o.status === 'rectifying' || o.status === 'returned');
  const review = hasRight(permissions, 'assessment', 'approve') && o.status === 'awaiting_review';
  const onRefusal = (err: unknown) => {
    const p = problemOf(err);
    if (p?.errors?.length) return false;
    setRefusal(p ? pick(p.message) : translate('ra.notification.http_error'));
    return true;
  };
  return (
    <Box data-testid="rectification-steps" sx={{ my: 1 }}>
      <Box sx={{ display: 'flex', gap: 1 }}>
        {submit ? (
          <FormDialogButton
            label={r('submit')}
            variant="contained"
            done={r('submitted')}
            record={{ fileIds: [] }}
            onRefusal={onRefusal}
            onSubmit={(v) => {
              setRefusal(null);
              return calls.assessmentSubmitEvidence(o.id, {
                text: String(v.text ?? '').trim(),
                fileIds: (v.fileIds ?? []) as string[],
              });
            }}
          >
            <TextInput
              source="text"
              label={r('evidence_text')}
              multiline
              minRows={3}
              fullWidth
              validate={[required(), minLength(2), maxLength(2000)]}
            />
            <InspectionFilesInput
              source="fileIds"
              label={r('evidence_files')}
              areaCode={o.areaCode}
            />
          </FormDialogButton>
        ) : null}
        {review ? (
          <>
            <FormDialogButton
              label={r('close')}
              variant="contained"
              color="secondary"
              hint={translate(r('close_hint'))}
              done={r('closed')}
              alwaysEnable
              onRefusal={onRefusal}
              onSubmit={(v) => {
                setRefusal(null);
                return calls.assessmentReviewRectification(o.id, {
                  decision: 'close',
                  ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
                });
              }}
            >
              <TextInput source="note" label={r('note')} multiline fullWidth />
            </FormDialogButton>
            <FormDialogButton
              label={r('return')}
              color="error"
              done={r('returned')}
              onRefusal={onRefusal}
              onSubmit={(v) => {
                setRefusal(null);
                return calls.assessmentReviewRectification(o.id, {
                  decision: 'return',
                  note: String(v.note ?? '').trim(),
                });
              }}
            >
              <TextInput
                source="note"
                label={r('return_reason')}
                multiline
                fullWidth
                validate={[required(), maxLength(1000)]}
              />
            </FormDialogButton>
          </>
        ) : null}
      </Box>
      {refusal ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="rectification-refusal">
          {refusal}
        </Alert>
      ) : null}
    </Box>
  );
}

/** 整改材料与复核 — what the unit sent, each time, and each review. */
function Submissions() {
  const o = useRecordContext<Rectification>();
  const calls = useCalls();
  const translate = useTranslate();
  if (!o?.submissions.length) return null;
  return (
    <Labeled label={r('submissions')}>
      <Table size="small" sx={{ maxWidth: 900 }} data-testid="rectification-submissions">
        <TableHead>
          <TableRow>
            <TableCell>{translate(r('submitted_at'))}</TableCell>
            <TableCell>{translate(r('submitted_by'))}</TableCell>
            <TableCell>{translate(r('evidence_text'))}</TableCell>
            <TableCell>{translate(r('evidence_files'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {o.submissions.map((s) => (
            <TableRow key={s.id}>
              <TableCell>{formatDateTime(s.submittedAt)}</TableCell>
              <TableCell>{s.submittedBy.name}</TableCell>
              <TableCell>{s.text}</TableCell>
              <TableCell>
                {s.files.map((f) => (
                  <Chip
                    key={f.fileId}
                    size="small"
                    clickable
                    label={f.fileName}
                    onClick={() =>
                      void calls.assessmentDownloadInspectionFile(f.fileId, f.fileName)
                    }
                  />
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

export default function RectificationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <RectificationStatusField />
        <Steps />
        <EnumField source="check" name="InspectionCheck" />
        <EnumField source="severity" name="InspectionSeverity" />
        <TextField source="findingText" />
        <AreaField source="areaCode" />
        <TextField source="unit.name" label="resources.rectifications.fields.unit" />
        <TextField source="requirement" />
        <DayField source="issuedOn" />
        <DayField source="deadline" />
        <DayField source="closedOn" />
        <Submissions />
        <HistoryTable />
      </SimpleShowLayout>
    </Show>
  );
}
