import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import {
  Button as RaButton,
  useCanAccess,
  useListContext,
  useNotify,
  usePermissions,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { useCommonCalls } from '../providers/dataProvider';
import { hasRight, type Permissions } from '../providers/permissions';
import { useNotifyProblem } from '../providers/problem';
import type { Module } from '../providers/session';
import { isReason } from './ReasonDialog';

export interface ExportButtonProps {
  /** The service the export belongs to: the file comes from /api/<service><path>. */
  service: string;
  /** The export's path in the service, e.g. `/exports/projects.xlsx`. */
  path: string;
  /** The name the file gets when the service does not name it. */
  fileName: string;
  /** Offer personal data in clear to users with this module's unmask right (with a reason). */
  unmask?: Module;
  /** Ask a reason for every export, not only a clear one (the service requires it). */
  alwaysAskReason?: boolean;
  /** The dialog's title and an optional hint (message keys); the title defaults to 导出. */
  title?: string;
  hint?: string;
  /** Pass the list's sort as `sort=["field","ASC"]` too. */
  withSort?: boolean;
  /** More query parameters the export takes. */
  query?: Record<string, string>;
}

/**
 * 导出 — a list's records with the list's current filter as the service's spreadsheet. Shown
 * to users with the export right on the list's resource; every export is audited by the
 * service. Personal data in clear is offered only with the unmask right, and needs a reason.
 * Without anything to ask, the file is downloaded at once.
 */
export function ExportButton({
  service,
  path,
  fileName,
  unmask,
  alwaysAskReason = false,
  title = 'app.export.button',
  hint,
  withSort = false,
  query = {},
}: ExportButtonProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const calls = useCommonCalls();
  const resource = useResourceContext();
  const { filterValues, sort } = useListContext();
  const { permissions } = usePermissions<Permissions>();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const [open, setOpen] = useState(false);
  const [clear, setClear] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const mayUnmask = unmask !== undefined && hasRight(permissions, unmask, 'unmask');
  const needsReason = alwaysAskReason || clear;
  const badReason = needsReason && touched && !isReason(reason);

  const run = async (why: string | null) => {
    setBusy(true);
    try {
      const q = new URLSearchParams({
        ...query,
        filter: JSON.stringify(filterValues ?? {}),
        ...(withSort && sort ? { sort: JSON.stringify([sort.field, sort.order]) } : {}),
        ...(clear ? { unmask: 'true' } : {}),
        ...(why ? { reason: why } : {}),
      });
      const name = await calls.download(`/api/${service}${path}?${q}`, fileName);
      notify('app.export.done', { type: 'success', messageArgs: { name } });
      setOpen(false);
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => {
    setTouched(true);
    if (!needsReason) void run(reason.trim() || null);
    else if (isReason(reason)) void run(reason.trim());
  };

  return (
    <>
      <RaButton
        label="app.export.button"
        disabled={busy}
        onClick={() => (alwaysAskReason || mayUnmask ? setOpen(true) : void run(null))}
      >
        <DownloadIcon />
      </RaButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          {hint ? <DialogContentText sx={{ mb: 2 }}>{translate(hint)}</DialogContentText> : null}
          {mayUnmask ? (
            <FormControlLabel
              sx={{ mb: 1 }}
              control={<Checkbox checked={clear} onChange={(e) => setClear(e.target.checked)} />}
              label={translate('app.export.unmask')}
            />
          ) : null}
          {needsReason ? (
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={2}
              name="reason"
              label={translate('app.export.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onBlur={() => setTouched(true)}
              error={badReason}
              helperText={badReason ? translate('app.validation.reason') : ' '}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={confirm}>
            {translate('app.export.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
