import LockOpenIcon from '@mui/icons-material/LockOpen';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

/**
 * 打印扶贫手册 — the household's handbook as a PDF, personal data masked; a user with the
 * unmask right may print it in clear, giving the reason the gateway audits.
 */
export function PrintHandbookButton({ id, householdNo }: { id: string; householdNo: string }) {
  const calls = useCalls();
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const clear = async (reason: string) => {
    setBusy(true);
    try {
      await calls.householdHandbookPdf(id, householdNo, reason);
      setOpen(false);
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <DownloadButton
        needs={{ module: 'registry', right: 'read' }}
        label="handbook.print"
        download={() => calls.householdHandbookPdf(id, householdNo)}
        testId="dossier-print-handbook"
      />
      {hasRight(permissions, 'registry', 'unmask') ? (
        <>
          <Button
            startIcon={<LockOpenIcon />}
            onClick={() => setOpen(true)}
            data-testid="dossier-print-handbook-clear"
          >
            {translate('handbook.print_clear')}
          </Button>
          <ReasonDialog
            open={open}
            title={translate('handbook.clear_title')}
            hint={translate('handbook.clear_hint')}
            reasonLabel={translate('app.common.reason')}
            confirmLabel={translate('handbook.clear_confirm')}
            busy={busy}
            onCancel={() => setOpen(false)}
            onConfirm={(reason) => void clear(reason)}
          />
        </>
      ) : null}
    </>
  );
}
