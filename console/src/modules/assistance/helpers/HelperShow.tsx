import VisibilityIcon from '@mui/icons-material/Visibility';
import { useState } from 'react';
import {
  Button,
  DataTable,
  EditButton,
  Labeled,
  NumberField,
  ReferenceManyField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { SectionHeading } from '../../../common/SectionHeading';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Helper } from '../assistance.api';

/** The phone in clear, asked for with a reason (audited by the service). */
function Phone() {
  const calls = useCalls();
  const translate = useTranslate();
  const record = useRecordContext<Helper>();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [open, setOpen] = useState(false);
  const [clear, setClear] = useState<string | null>(null);
  if (!record) return null;
  return (
    <Labeled label="resources.helpers.fields.phone">
      <span>
        {clear ?? record.phone ?? '—'}
        {record.phone && clear === null && hasRight(permissions, 'assistance', 'unmask') ? (
          <Button label="resources.helpers.unmask_button" onClick={() => setOpen(true)}>
            <VisibilityIcon />
          </Button>
        ) : null}
        <ReasonDialog
          open={open}
          title={translate('app.unmask.title')}
          hint={translate('app.unmask.hint')}
          reasonLabel={translate('app.unmask.reason')}
          confirmLabel={translate('app.unmask.confirm')}
          onCancel={() => setOpen(false)}
          onConfirm={(reason) => {
            calls.assistanceHelperUnmasked(String(record.id), reason).then(
              (h) => {
                setClear(h.phone ?? '—');
                setOpen(false);
                notify('app.unmask.done', { type: 'info' });
              },
              (e: unknown) => notifyProblem(e),
            );
          }}
        />
      </span>
    </Labeled>
  );
}

export default function HelperShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="unit" />
        <EnumField source="department" name="Department" />
        <EnumField source="rank" name="HelperRank" />
        <TextField source="position" emptyText="—" />
        <Phone />
        <AreaField source="areaCode" />
        <EnumField source="status" name="HelperStatus" chip />
        <NumberField source="load.key" label="resources.helpers.fields.keyLoad" />
        <NumberField source="load.contact" label="resources.helpers.fields.contactLoad" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
        <SectionHeading label="resources.pairings.name" />
        <ReferenceManyField
          reference="pairings"
          target="helperId"
          label={false}
          sort={{ field: 'startDate', order: 'DESC' }}
          perPage={50}
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="householdNo" />
            <DataTable.Col source="role">
              <EnumField source="role" name="PairingRole" />
            </DataTable.Col>
            <DataTable.Col source="startDate">
              <DayField source="startDate" />
            </DataTable.Col>
            <DataTable.Col source="status">
              <EnumField source="status" name="PairingStatus" chip />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
