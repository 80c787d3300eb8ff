import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  DateInput,
  Labeled,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDay, formatYuan } from '../../../common/format';
import { YuanInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import type { Batch } from '../funds.api';
import { FormDialogButton } from '../../../common/FormDialogButton';

const f = (k: string) => `resources.batches.fields.${k}`;

function Allocations() {
  const translate = useTranslate();
  const b = useRecordContext<Batch>();
  return (
    <Labeled label={f('allocations')}>
      <Table size="small" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('allocation.projectCode'))}</TableCell>
            <TableCell align="right">{translate(f('allocation.amountFen'))}</TableCell>
            <TableCell>{translate(f('allocation.applied'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(b?.allocations ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Link to={`/projects/${a.projectId ?? ''}/show`}>{a.projectCode}</Link>
              </TableCell>
              <TableCell align="right">{formatYuan(a.amountFen)}</TableCell>
              <TableCell>{translate(a.applied ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Arrivals() {
  const translate = useTranslate();
  const b = useRecordContext<Batch>();
  return (
    <Labeled label="resources.batches.arrivals">
      <Table size="small" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            {['on', 'amountFen', 'note', 'by'].map((k) => (
              <TableCell key={k}>{translate(f(`arrival.${k}`))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(b?.arrivals ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>{formatDay(a.on ?? '')}</TableCell>
              <TableCell>{formatYuan(a.amountFen)}</TableCell>
              <TableCell>{a.note ?? '—'}</TableCell>
              <TableCell>{a.by ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function RecordArrivalButton() {
  const calls = useCalls();
  const b = useRecordContext<Batch>();
  const { canAccess } = useCanAccess({ resource: 'batches', action: 'create' });
  if (!b || !canAccess || (b.notArrivedFen ?? 0) <= 0) return null;
  return (
    <FormDialogButton
      label="resources.batches.record_arrival"
      record={{ on: formatDay(new Date().toISOString()), amountFen: b.notArrivedFen }}
      done="resources.batches.arrival_saved"
      alwaysEnable
      onSubmit={(v) =>
        calls.fundsRecordArrival(b.id, {
          on: String(v.on),
          amountFen: Number(v.amountFen),
          note: typeof v.note === 'string' && v.note ? v.note : null,
        })
      }
    >
      <DateInput source="on" label={f('arrival.on')} validate={required()} />
      <YuanInput source="amountFen" label={f('arrival.amountFen')} validate={required()} />
      <TextInput source="note" label={f('arrival.note')} fullWidth />
    </FormDialogButton>
  );
}

export default function BatchShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RecordArrivalButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="documentNo" />
        <TextField source="title" />
        <EnumField source="source" name="FundingSource" />
        <YuanField source="amountFen" />
        <DayField source="issuedOn" />
        <TextField source="issuer" emptyText="—" />
        <YuanField source="allocatedFen" />
        <YuanField source="unallocatedFen" />
        <Allocations />
        <YuanField source="arrivedFen" />
        <YuanField source="notArrivedFen" />
        <Arrivals />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
