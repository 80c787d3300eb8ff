import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import {
  DateInput,
  Labeled,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { UnmaskedRecord } from '../../../common/UnmaskedRecord';
import { Show } from '../../../common/Show';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import { type Complaint, unitIdOf } from './complaints.api';
import { ComplaintStatusField } from './ComplaintList';

const k = (key: string) => `assessment.complaints.${key}`;
/** The dialog's new due day (`newDueOn`: `dueOn` would start from the record's own). */
const day = (v: unknown) => (typeof v === 'string' && v ? { dueOn: v } : {});

/** 交办 / 答复 / 登记满意度 / 重新办理 — the steps the complaint's state and the user's rights allow. */
function Steps() {
  const c = useRecordContext<Complaint>();
  const calls = useCalls();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  if (!c || !hasRight(permissions, 'assessment', 'write')) return null;
  const { id, revision, status } = c;
  const open = status === 'pending' || status === 'in_progress' || status === 'reopened';
  return (
    <Box data-testid="complaint-steps" sx={{ display: 'flex', gap: 1, my: 1 }}>
      {open ? (
        <FormDialogButton
          label={k('assign')}
          variant={status === 'in_progress' ? 'text' : 'contained'}
          hint={k('assign_hint')}
          done={k('assigned')}
          resource="complaints"
          onSubmit={(v) => {
            const unitId = unitIdOf(v);
            if (!unitId) return Promise.reject(new Error(translate(k('unit_required'))));
            return calls.assessmentAssignComplaint(id, { unitId, revision, ...day(v.newDueOn) });
          }}
        >
          <AreaInput source="unitTownship" level="township" fullWidth />
          <EnumInput source="unitDepartment" name="Department" fullWidth />
          <DateInput source="newDueOn" />
        </FormDialogButton>
      ) : null}
      {status === 'in_progress' || status === 'reopened' ? (
        <FormDialogButton
          label={k('answer')}
          variant="contained"
          done={k('answered')}
          resource="complaints"
          onSubmit={(v) =>
            calls.assessmentAnswerComplaint(id, {
              text: String(v.answerText ?? '').trim(),
              revision,
              ...(typeof v.answeredOn === 'string' && v.answeredOn
                ? { answeredOn: v.answeredOn }
                : {}),
            })
          }
        >
          <TextInput
            source="answerText"
            multiline
            minRows={3}
            fullWidth
            validate={[required(), maxLength(4000)]}
          />
          <DateInput source="answeredOn" />
        </FormDialogButton>
      ) : null}
      {status === 'answered' ? (
        <FormDialogButton
          label={k('rate')}
          variant="contained"
          done={k('rated')}
          resource="complaints"
          onSubmit={(v) =>
            calls.assessmentRateComplaint(id, { satisfaction: String(v.satisfaction), revision })
          }
        >
          <EnumInput source="satisfaction" name="ComplaintSatisfaction" validate={required()} />
        </FormDialogButton>
      ) : null}
      {status === 'closed' && c.satisfaction === 'unsatisfied' ? (
        <FormDialogButton
          label={k('reopen')}
          color="error"
          done={k('reopened')}
          resource="complaints"
          onSubmit={(v) =>
            calls.assessmentReopenComplaint(id, {
              reason: String(v.reopenReason ?? '').trim(),
              revision,
              ...day(v.newDueOn),
            })
          }
        >
          <TextInput
            source="reopenReason"
            multiline
            fullWidth
            validate={[required(), maxLength(500)]}
          />
          <DateInput source="newDueOn" />
        </FormDialogButton>
      ) : null}
    </Box>
  );
}

/**
 * The complainant masked (王**, 138****5678) by default; a user with the unmask right may see
 * them in clear for a reason, which the service writes to the audit log.
 */
function Unmasked({ children }: { children: ReactNode }) {
  const calls = useCalls();
  return (
    <UnmaskedRecord<Complaint>
      module="assessment"
      hasPersonalData={(c) => c.complainantName !== null || c.complainantPhone !== null}
      fetchClear={(c, reason) => calls.assessmentComplaintUnmasked(c.id, reason)}
    >
      {children}
    </UnmaskedRecord>
  );
}

/** 答复 of the current round, and the rounds reopened before it. */
function Rounds() {
  const c = useRecordContext<Complaint>();
  const translate = useTranslate();
  if (!c) return null;
  const rows = [
    ...c.rounds.map((r) => ({ ...r, current: false })),
    { unit: c.unit, dueOn: c.dueOn, answer: c.answer, satisfaction: c.satisfaction, current: true },
  ];
  return (
    <Labeled label={k('rounds')}>
      <Table size="small" sx={{ maxWidth: 1000 }} data-testid="complaint-rounds">
        <TableHead>
          <TableRow>
            {['unit', 'due_on', 'answer', 'answered_on', 'satisfaction'].map((h) => (
              <TableCell key={h}>{translate(k(h))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell>{r.unit?.name ?? '—'}</TableCell>
              <TableCell>{r.dueOn}</TableCell>
              <TableCell>{r.answer?.text ?? '—'}</TableCell>
              <TableCell>
                {r.answer ? `${r.answer.on}（${r.answer.byName}）` : '—'}
                {r.answer && r.answer.on > r.dueOn ? ` ${translate(k('late'))}` : ''}
              </TableCell>
              <TableCell>
                {r.satisfaction ? translate(`enums.ComplaintSatisfaction.${r.satisfaction}`) : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

/** 办理过程 — who did each step, when. */
function History() {
  const c = useRecordContext<Complaint>();
  const translate = useTranslate();
  if (!c) return null;
  return (
    <Labeled label={k('history')}>
      <Table size="small" sx={{ maxWidth: 1000 }}>
        <TableBody>
          {c.steps.map((s, i) => (
            <TableRow key={i}>
              <TableCell>{formatDateTime(s.at)}</TableCell>
              <TableCell>{translate(k(`step.${s.action}`))}</TableCell>
              <TableCell>{s.byName}</TableCell>
              <TableCell>{s.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function HouseholdLink() {
  const c = useRecordContext<Complaint>();
  if (!c?.householdId) return null;
  return (
    <Labeled label="resources.complaints.fields.householdId">
      <Link to={`/households/${encodeURIComponent(c.householdId)}/show`}>{c.householdId}</Link>
    </Labeled>
  );
}

export default function ComplaintShow() {
  return (
    <Show>
      <Unmasked>
        <SimpleShowLayout>
          <TextField source="complaintNo" />
          <ComplaintStatusField />
          <Steps />
          <DayField source="receivedOn" />
          <EnumField source="channel" name="ComplaintChannel" />
          <EnumField source="subject" name="ComplaintSubject" />
          <TextField source="complainantName" emptyText={k('anonymous')} />
          <TextField source="complainantPhone" emptyText="—" />
          <AreaField source="areaCode" />
          <HouseholdLink />
          <TextField source="text" />
          <TextField source="unit.name" label="resources.complaints.fields.unit" emptyText="—" />
          <DayField source="dueOn" />
          <Rounds />
          <History />
        </SimpleShowLayout>
      </Unmasked>
    </Show>
  );
}
