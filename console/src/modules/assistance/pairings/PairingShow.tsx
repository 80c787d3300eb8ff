import LinkOffIcon from '@mui/icons-material/LinkOff';
import { useState } from 'react';
import {
  Button,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Pairing } from '../assistance.api';

/** 结束结对 — with the reason the service keeps. */
function EndPairingButton() {
  const calls = useCalls();
  const translate = useTranslate();
  const record = useRecordContext<Pairing>();
  const { canAccess } = useCanAccess({ resource: 'pairings', action: 'create' });
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'active' || !canAccess) return null;
  return (
    <>
      <Button label="resources.pairings.end" onClick={() => setOpen(true)}>
        <LinkOffIcon />
      </Button>
      <ReasonDialog
        open={open}
        busy={busy}
        title={translate('resources.pairings.end_title', {
          household: record.householdNo ?? '',
        })}
        hint={translate('resources.pairings.end_hint')}
        reasonLabel={translate('resources.pairings.fields.endReason')}
        confirmLabel={translate('resources.pairings.end')}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => {
          setBusy(true);
          calls
            .assistanceEndPairing(record.id, { reason, revision: record.revision })
            .then(
              () => {
                setOpen(false);
                notify('resources.pairings.ended', { type: 'info' });
                refresh();
              },
              (e: unknown) => notifyProblem(e),
            )
            .finally(() => setBusy(false));
        }}
      />
    </>
  );
}

export default function PairingShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EndPairingButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="householdId" reference="assistance-households" link="show">
          <TextField source="householdNo" />
        </ReferenceField>
        <AreaField source="areaCode" />
        <ReferenceField source="helperId" reference="helpers" link="show">
          <TextField source="name" />
        </ReferenceField>
        <TextField source="helperUnit" emptyText="—" />
        <EnumField source="helperRank" name="HelperRank" />
        <EnumField source="role" name="PairingRole" />
        <DayField source="startDate" />
        <EnumField source="status" name="PairingStatus" chip />
        <DayField source="endDate" />
        <TextField source="endReason" emptyText="—" />
        <EnumField source="source" name="PairingSource" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
