import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { type ReactNode, useEffect, useState } from 'react';
import {
  Button,
  RecordContextProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Household } from './household.api';

/**
 * Shows the household masked (4301**********1234) by default. A user with the unmask right
 * may ask for the clear values with a reason, which the registry writes to the audit log;
 * the clear record replaces the masked one for the page below until masked again.
 */
export function UnmaskedRecord({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const record = useRecordContext<Household>();
  const calls = useCalls();
  const { permissions } = usePermissions<Permissions>();
  const [clear, setClear] = useState<Household | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setClear(null), [record?.id, record?.revision]);
  if (!record) return null;
  const mayUnmask = hasRight(permissions, 'registry', 'unmask');

  const unmask = async (reason: string) => {
    setBusy(true);
    try {
      setClear(await calls.householdUnmasked(String(record.id), reason));
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
