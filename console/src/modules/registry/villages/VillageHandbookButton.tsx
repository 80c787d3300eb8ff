import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
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
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { JobProgress } from '../../../common/JobProgress';
import { useApi } from '../../../common/useApi';
import { isReason } from '../../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { PrintJob, PrintKind } from '../dossier/handbook.api';

const POLL_MS = 1000;

/** The job's state, asked every second until it is done or failed; its problem, if any. */
function usePrintJob(jobId: string | null) {
  const calls = useCalls();
  const translate = useTranslate();
  const [error, setError] = useState<string | null>(null);
  const found = useApi(jobId ? () => calls.printJob(jobId) : null, [jobId], {
    everyMs: POLL_MS,
    while: (j: PrintJob) => j.state !== 'completed' && j.state !== 'failed',
  });
  const job = found.data ?? null;
  const failed =
    job?.state === 'failed' ? (job.error ?? translate('handbook.village.state.failed')) : null;
  const shown = error ?? (found.error ? messageOf(found.error, translate) : failed);
  return { job, error: shown, setError, reset: () => found.setData(undefined) };
}

const messageOf = (err: unknown, translate: (key: string) => string) => {
  const p = problemOf(err);
  return p ? pick(p.message) : translate('ra.notification.http_error');
};

/** The file's name and the keys of the labels that differ by what is printed. */
const KINDS: Record<PrintKind, { file: string; label: string }> = {
  handbook: { file: '扶贫手册', label: 'handbook.village' },
  card: { file: '明白卡', label: 'handbook.village.card' },
};

/**
 * 打印本村扶贫手册 / 打印本村明白卡 — every household of the village in one PDF, made by a job
 * on the gateway: started here, its progress shown as it runs, its file downloaded when done.
 * With the unmask right, a handbook may print personal data in clear with a reason (audited); a
 * 明白卡 is posted in the home, so it is always masked.
 */
export function VillageHandbookButton({ kind = 'handbook' }: { kind?: PrintKind }) {
  const village = useRecordContext();
  const translate = useTranslate();
  const calls = useCalls();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState(false);
  const [clear, setClear] = useState(false);
  const [reason, setReason] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error, setError, reset } = usePrintJob(jobId);
  const code = String(village?.code ?? village?.id ?? '');

  if (!village || !hasRight(permissions, 'registry', 'read')) return null;
  const canClear = kind === 'handbook' && hasRight(permissions, 'registry', 'unmask');
  const { file, label } = KINDS[kind];
  const start = async () => {
    setError(null);
    reset();
    try {
      setJobId(
        await calls.printJobCreate(code, {
          kind,
          ...(clear && canClear ? { unmaskReason: reason.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(messageOf(err, translate));
    }
  };
  const download = async () => {
    if (!jobId) return;
    try {
      await calls.printJobFile(jobId, `${file}-${String(village.name ?? code)}.pdf`);
    } catch (err) {
      setError(messageOf(err, translate));
    }
  };
  const running = jobId !== null && job?.state !== 'completed' && job?.state !== 'failed';
  return (
    <>
      <Button
        size="small"
        startIcon={<PrintIcon />}
        onClick={() => setOpen(true)}
        data-testid={`village-print-${kind}`}
      >
        {translate(`${label}.button`)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`${label}.title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`${label}.hint`)}</DialogContentText>
          {canClear && !jobId ? (
            <>
              <FormControlLabel
                control={<Checkbox checked={clear} onChange={(e) => setClear(e.target.checked)} />}
                label={translate('handbook.village.clear')}
              />
              {clear ? (
                <TextField
                  fullWidth
                  name="reason"
                  label={translate('app.common.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              ) : null}
            </>
          ) : null}
          {job ? (
            <>
              <DialogContentText data-testid="village-print-state">
                {translate(`handbook.village.state.${job.state}`)}
              </DialogContentText>
              <JobProgress
                done={job.progress.done}
                unit="households"
                total={job.progress.total ?? null}
                status={job.state}
              />
            </>
          ) : null}
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('handbook.village.close')}</Button>
          {job?.state === 'completed' ? (
            <Button variant="contained" onClick={() => void download()}>
              {translate('handbook.village.download')}
            </Button>
          ) : (
            <Button
              variant="contained"
              disabled={running || (clear && !isReason(reason))}
              onClick={() => void start()}
              data-testid="village-print-start"
            >
              {translate('handbook.village.start')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
