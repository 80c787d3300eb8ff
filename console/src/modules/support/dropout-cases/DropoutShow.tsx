import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Grid from '@mui/material/Grid';
import {
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import { EmptyText } from '../EmptyText';
import type { DropoutCase } from '../support.api';
import { HalfGuard, TermField } from '../SupportFields';
import { DropoutActions } from './DropoutActions';
import { DropoutSteps } from './DropoutSteps';
import { ExpectedGrade } from './ExpectedGrade';

const Actions = () => (
  <TopToolbar>
    <DropoutActions />
  </TopToolbar>
);

/** 跟踪记录 — the follow-up log, oldest first. */
function FollowUps() {
  const translate = useTranslate();
  const c = useRecordContext<DropoutCase>();
  if (!c) return null;
  if (c.followUps.length === 0) return <EmptyText />;
  const h = (k: string) => translate(`resources.support-dropout-cases.follow_up.${k}`);
  return (
    <Table size="small" data-testid="dropout-follow-ups">
      <TableHead>
        <TableRow>
          <TableCell>{h('on')}</TableCell>
          <TableCell>{h('note')}</TableCell>
          <TableCell>{h('by')}</TableCell>
          <TableCell>{h('at')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {c.followUps.map((f, i) => (
          <TableRow key={f.id ?? i}>
            <TableCell>{f.on ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{f.note ?? '—'}</TableCell>
            <TableCell>{f.byName ?? '—'}</TableCell>
            <TableCell>{formatDateTime(f.at)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default function DropoutShow() {
  return (
    <HalfGuard half="education">
      <Show actions={<Actions />}>
        <SimpleShowLayout>
          <DropoutSteps />
          <Grid container columnSpacing={4} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, md: 6 }}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <TextField source="name" />
                <DayField source="birthDate" />
                <AreaField source="areaCode" />
                <AreaField source="townshipCode" />
                <Labeled source="expectedGrade">
                  <ExpectedGrade />
                </Labeled>
                <TermField source="term" />
                <TextField source="schoolYear" />
              </SimpleShowLayout>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <EnumField source="status" name="DropoutCaseStatus" chip />
                <TextField source="owner.name" emptyText="—" />
                <TextField source="owner.unit" emptyText="—" />
                <DateTimeField source="openedAt" />
                <EnumField source="closeReason" name="DropoutCloseReason" />
                <TextField source="returnedTo" emptyText="—" />
                <TextField source="closeNote" emptyText="—" />
                <DateTimeField source="closedAt" />
              </SimpleShowLayout>
            </Grid>
          </Grid>
          <Labeled source="followUps" fullWidth>
            <FollowUps />
          </Labeled>
        </SimpleShowLayout>
      </Show>
    </HalfGuard>
  );
}
