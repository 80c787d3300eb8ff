import AssignmentIcon from '@mui/icons-material/Assignment';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  DateInput,
  Labeled,
  Link,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { AreaField, DateTimeField, DayField, EnumLabel } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { EnumInput } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { Show } from '../../../common/Show';
import { useCalls } from '../../calls';
import { HistoryTable } from './HistoryTable';
import type { Inspection, InspectionFinding } from './inspections.api';

const f = (k: string) => `assessment.inspections.finding.${k}`;
const r = (k: string) => `assessment.rectifications.${k}`;
const DEPARTMENTS = ['agriculture', 'water', 'housing', 'education', 'health', 'civil_affairs'];

/** 下发整改通知 — for one finding: the responsible unit, what to do, by when. */
function OpenRectificationButton({ i, finding }: { i: Inspection; finding: InspectionFinding }) {
  const calls = useCalls();
  const translate = useTranslate();
  return (
    <FormDialogButton
      label={r('open')}
      icon={<AssignmentIcon />}
      record={{
        unitKind: 'township',
        department: 'agriculture',
        issuedOn: formatDay(new Date().toISOString()),
      }}
      hint={finding.text}
      done={r('opened')}
      alwaysEnable
      onSubmit={(v) =>
        calls.assessmentOpenRectification({
          inspectionId: i.id,
          findingId: finding.id,
          unit:
            v.unitKind === 'department'
              ? { kind: 'department', code: String(v.department) }
              : { kind: 'township', code: i.townshipCode },
          requirement: String(v.requirement ?? '').trim(),
          deadline: String(v.deadline),
          ...(v.issuedOn ? { issuedOn: String(v.issuedOn) } : {}),
        })
      }
    >
      <EnumInput
        source="unitKind"
        name="RectificationUnitKind"
        codes={['township', 'department']}
        label={r('unit_kind')}
        validate={required()}
      />
      <EnumInput
        source="department"
        name="Department"
        codes={DEPARTMENTS}
        label={r('department')}
        helperText={translate(r('department_hint'))}
      />
      <TextInput
        source="requirement"
        label={r('requirement')}
        multiline
        fullWidth
        validate={[required(), maxLength(1000)]}
      />
      <DateInput source="issuedOn" label={r('issuedOn')} />
      <DateInput source="deadline" label={r('deadline')} validate={required()} />
    </FormDialogButton>
  );
}

/** 发现问题 — each finding, and the rectification order opened from it (or the button to). */
function Findings() {
  const translate = useTranslate();
  const i = useRecordContext<Inspection>();
  const { permissions } = usePermissions<Permissions>();
  if (!i) return null;
  const may = hasRight(permissions, 'assessment', 'write');
  return (
    <Labeled label="resources.inspections.fields.findings">
      <Table size="small" data-testid="inspection-findings">
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('check'))}</TableCell>
            <TableCell>{translate(f('severity'))}</TableCell>
            <TableCell>{translate(f('text'))}</TableCell>
            <TableCell>{translate(f('householdId'))}</TableCell>
            <TableCell>{translate(f('rectification'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {i.findings.map((x) => (
            <TableRow key={x.id}>
              <TableCell>
                <EnumLabel name="InspectionCheck" code={x.check} />
              </TableCell>
              <TableCell>
                <EnumLabel name="InspectionSeverity" code={x.severity} />
              </TableCell>
              <TableCell>{x.text}</TableCell>
              <TableCell>{x.householdId ?? '—'}</TableCell>
              <TableCell>
                {x.rectificationId ? (
                  <Link to={`/rectifications/${x.rectificationId}/show`}>
                    <Chip size="small" clickable label={translate(r('view'))} />
                  </Link>
                ) : may ? (
                  <OpenRectificationButton i={i} finding={x} />
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

/** 现场照片 — the photos, each downloaded with the token. */
function Photos() {
  const calls = useCalls();
  const i = useRecordContext<Inspection>();
  if (!i?.photos?.length) return null;
  return (
    <Labeled label="resources.inspections.fields.photos">
      <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
        {i.photos.map((p) => (
          <Chip
            key={p.fileId}
            size="small"
            clickable
            label={p.fileName}
            onClick={() => void calls.assessmentDownloadInspectionFile(p.fileId, p.fileName)}
          />
        ))}
      </span>
    </Labeled>
  );
}

export default function InspectionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DayField source="inspectedOn" />
        <AreaField source="areaCode" />
        <TextField source="planName" emptyText="—" />
        <TextField source="inspectorUnit" />
        <TextField source="inspectors" />
        <TextField source="summary" emptyText="—" />
        <Findings />
        <Photos />
        <DateTimeField source="createdAt" />
        <HistoryTable />
      </SimpleShowLayout>
    </Show>
  );
}
