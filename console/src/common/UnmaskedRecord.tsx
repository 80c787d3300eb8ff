import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { type ReactNode, useEffect, useState } from 'react';
import {
  Button,
  type RaRecord,
  RecordContextProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasRight, type Permissions } from '../providers/permissions';
import { useNotifyProblem } from '../providers/problem';
import type { Module } from '../providers/session';
import { ReasonDialog } from './ReasonDialog';

/**
 * A record's personal data masked (4301**********1234, 王**) by default. A user with the
 * module's unmask right may ask for the clear values with a reason, which the owning service
 * writes to its audit log; the clear record replaces the masked one for the page below until
 * masked again (or the record changes). `hasPersonalData` false hides the button.
 */
export function UnmaskedRecord<T extends RaRecord>({
  module,
  fetchClear,
  hasPersonalData = true,
  children,
}: {
  module: Module;
  fetchClear: (record: T, reason: string) => Promise<T>;
  hasPersonalData?: boolean | ((record: T) => boolean);
  children: ReactNode;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const record = useRecordContext<T>();
  const { permissions } = usePermissions<Permissions>();
  const [clear, setClear] = useState<T | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const revision: unknown = record?.revision;
  useEffect(() => setClear(null), [record?.id, revision]);
  if (!record) return null;
  const personal =
    typeof hasPersonalData === 'function' ? hasPersonalData(record) : hasPersonalData;
  const mayUnmask = personal && hasRight(permissions, module, 'unmask');

  const unmask = async (reason: string) => {
    setBusy(true);
    try {
      setClear(await fetchClear(record, reason));
      setAsking(false);
      notify('app.unmask.done', { type: 'info' });
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {clear ? (
        <Alert
          severity="warning"
          sx={{ mx: 2, mt: 2 }}
          action={
            <Button label="app.unmask.mask_again" onClick={() => setClear(null)}>
              <VisibilityOffIcon />
            </Button>
          }
        >
          {translate('app.unmask.shown')}
        </Alert>
      ) : mayUnmask ? (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 2, pt: 1 }}>
          <Button label="app.unmask.button" onClick={() => setAsking(true)}>
            <VisibilityIcon />
          </Button>
        </Box>
      ) : null}
      <ReasonDialog
        open={asking}
        busy={busy}
        title={translate('app.unmask.title')}
        hint={translate('app.unmask.hint')}
        reasonLabel={translate('app.unmask.reason')}
        confirmLabel={translate('app.unmask.confirm')}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => void unmask(reason)}
      />
      <RecordContextProvider value={clear ?? record}>{children}</RecordContextProvider>
    </>
  );
}
