import EventBusyIcon from '@mui/icons-material/EventBusy';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

type TermPath = 'village-assignments' | 'work-teams';

/**
 * 结束任期 — ends a village assignment's or a work team's term with the reason the service
 * keeps and the last day (today when left empty). Shown on an active record to users who may
 * write.
 */
export function EndTermButton({ title }: { title: (record: Record<string, unknown>) => string }) {
  const calls = useCalls();
  const translate = useTranslate();
  const resource = useResourceContext() as TermPath;
  const record = useRecordContext<{ id: string; status: string; revision: number }>();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [endDate, setEndDate] = useState('');
  if (!record || record.status !== 'active' || !canAccess) return null;
  const confirm = (reason: string) => {
    setBusy(true);
    calls
      .assistanceEndTerm(resource, record.id, {
        reason,
        revision: record.revision,
        ...(endDate ? { endDate } : {}),
      })
      .then(
        () => {
          setOpen(false);
          notify('assistance.term.ended', { type: 'info' });
          refresh();
        },
        (e: unknown) => notifyProblem(e),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button label="assistance.term.end" onClick={() => setOpen(true)}>
        <EventBusyIcon />
      </Button>
      <ReasonDialog
        open={open}
        busy={busy}
        title={title(record)}
        hint={translate('assistance.term.end_hint')}
        reasonLabel={translate('assistance.term.reason')}
        confirmLabel={translate('assistance.term.end')}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
      >
        <TextField
          type="date"
          name="endDate"
          size="small"
          label={translate('assistance.term.end_date')}
          value={endDate}
          onChange={(e) => setEndDate(e.target.value)}
          helperText={translate('assistance.term.end_date_hint')}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ mb: 2 }}
        />
      </ReasonDialog>
    </>
  );
}
