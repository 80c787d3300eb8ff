import DownloadIcon from '@mui/icons-material/Download';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useListContext,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { downloadFile } from '../../../providers/http';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';

/**
 * 导出 — the households of the current filter as the import template's workbook. The
 * export is audited; clear personal data needs the unmask right and a reason.
 */
export function ExportHouseholdsButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const { filterValues, sort } = useListContext();
  const { permissions } = usePermissions<Permissions>();
  const { canAccess } = useCanAccess({ resource: 'households', action: 'export' });
  const [open, setOpen] = useState(false);
  const [unmask, setUnmask] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const mayUnmask = hasRight(permissions, 'registry', 'unmask');

  const run = async (reason: string) => {
    setBusy(true);
    try {
      const q = new URLSearchParams({
        filter: JSON.stringify(filterValues ?? {}),
        sort: JSON.stringify([sort.field, sort.order]),
        ...(unmask ? { unmask: 'true' } : {}),
        reason,
      });
      const name = await downloadFile(
        `/api/registry/exports/households.xlsx?${q}`,
        'households.xlsx',
      );
      notify('app.export.done', { type: 'success', messageArgs: { name } });
      setOpen(false);
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.export.button" onClick={() => setOpen(true)}>
        <DownloadIcon />
      </Button>
      <ReasonDialog
        open={open}
        busy={busy}
        title={translate('app.export.title')}
        hint={translate('app.export.hint')}
        reasonLabel={translate('app.export.reason')}
        confirmLabel={translate('app.export.confirm')}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => void run(reason)}
      >
        {mayUnmask ? (
          <FormControlLabel
            sx={{ mb: 1 }}
            control={<Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} />}
            label={translate('app.export.unmask')}
          />
        ) : null}
      </ReasonDialog>
    </>
  );
}
