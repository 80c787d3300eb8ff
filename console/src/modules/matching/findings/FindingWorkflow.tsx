import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { CONCLUSIONS } from '../codes';
import type { Finding } from '../matching.api';

type Action = 'verify' | 'rectify' | 'review' | 'close';
type Conclusion = (typeof CONCLUSIONS)[number];

/** The steps the finding's status offers (the service decides again, and may refuse). */
function offered(f: Finding): Action[] {
  switch (f.status) {
    case 'assigned':
      return ['verify'];
    case 'verified':
      return f.conclusion === 'confirmed' ? ['rectify'] : ['review'];
    case 'rectified':
      return ['review'];
    case 'reviewed':
      return ['close'];
    default:
      return [];
  }
}

const RIGHT: Record<Action, 'write' | 'approve'> = {
  verify: 'write',
  rectify: 'write',
  review: 'write',
  close: 'approve',
};

function StepDialog({
  action,
  busy,
  onCancel,
  onConfirm,
}: {
  action: Action;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (body: Record<string, string>) => void;
}) {
  const translate = useTranslate();
  const [conclusion, setConclusion] = useState<Conclusion>('confirmed');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const t = (k: string) => translate(`resources.matching-findings.workflow.${k}`);
  const needsReason = action === 'verify' && conclusion !== 'confirmed';
  const reasonBad = needsReason && reason.trim().length < 2;
  const noteBad = action === 'rectify' && note.trim().length < 2;
  const submit = () => {
    setTouched(true);
    if (reasonBad || noteBad) return;
    const body: Record<string, string> = {};
    if (action === 'verify') body.conclusion = conclusion;
    if (needsReason) body.reason = reason.trim();
    if (note.trim()) body.note = note.trim();
    onConfirm(body);
  };
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{t(`${action}_title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t(`${action}_hint`)}</DialogContentText>
        {action === 'verify' ? (
          <>
            <TextField
              select
              fullWidth
              name="conclusion"
              label={t('conclusion')}
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value as Conclusion)}
              sx={{ mb: 2 }}
            >
              {CONCLUSIONS.map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(`enums.MatchingConclusion.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            {needsReason ? (
              <TextField
                fullWidth
                multiline
                minRows={2}
                name="reason"
                label={t('reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={touched && reasonBad}
                helperText={touched && reasonBad ? t('reason_required') : ' '}
              />
            ) : null}
          </>
        ) : null}
        <TextField
          fullWidth
          multiline
          minRows={2}
          name="note"
          label={t(action === 'rectify' ? 'rectification' : 'note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={touched && noteBad}
          helperText={touched && noteBad ? t('rectification_required') : ' '}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onCancel}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" disabled={busy} onClick={submit}>
          {t(action)}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/**
 * 核实 / 整改 / 初审 / 复核销号 — the steps the finding's status and the user's rights allow.
 * When the service refuses a step (closing by the person who reviewed it: 双人复核), its
 * reason stays on the page until the next step.
 */
export function FindingWorkflow() {
  const translate = useTranslate();
  const f = useRecordContext<Finding>();
  const { permissions } = usePermissions<Permissions>();
  const refresh = useRefresh();
  const notify = useNotify();
  const [open, setOpen] = useState<Action | null>(null);
  const calls = useCalls();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!f) return null;
  const actions = offered(f).filter((a) => hasRight(permissions, 'matching', RIGHT[a]));
  const t = (k: string, o?: object) => translate(`resources.matching-findings.workflow.${k}`, o);

  const run = async (action: Action, body: Record<string, string>) => {
    setBusy(true);
    setRefusal(null);
    try {
      await calls.matchingFindingStep(f.id, action, body);
      notify(`resources.matching-findings.workflow.${action}_done`, { type: 'success' });
      refresh();
    } catch (err) {
      const p = problemOf(err);
      setRefusal(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
      setOpen(null);
    }
  };

  return (
    <Box data-testid="finding-workflow" sx={{ my: 1 }}>
      {f.status === 'reviewed' && f.review?.name ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('awaiting_second', { name: f.review.name })}
        </Typography>
      ) : null}
      {f.status === 'closed' ? (
        <Alert severity="success">{t('closed_by', { name: f.closing?.name ?? '—' })}</Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        {actions.map((a) => (
          <MuiButton
            key={a}
            variant="contained"
            color={a === 'close' ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => setOpen(a)}
          >
            {t(a)}
          </MuiButton>
        ))}
      </Box>
      {refusal ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="finding-refusal">
          {t('refused', { message: refusal })}
        </Alert>
      ) : null}
      {open ? (
        <StepDialog
          action={open}
          busy={busy}
          onCancel={() => setOpen(null)}
          onConfirm={(body) => void run(open, body)}
        />
      ) : null}
    </Box>
  );
}
