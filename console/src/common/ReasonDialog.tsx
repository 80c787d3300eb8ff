import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';

/** Reasons the services accept: 2–200 characters (written to the audit log or the history). */
export const isReason = (s: string) => s.trim().length >= 2 && s.trim().length <= 200;

/**
 * Asks for a reason before an audited or irreversible action (unmasking personal data, an
 * export in clear, removing a member). The action runs only with a valid reason.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  hint: string;
  reasonLabel: string;
  confirmLabel: string;
  busy?: boolean;
  children?: ReactNode;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const bad = touched && !isReason(reason);
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{props.hint}</DialogContentText>
        {props.children}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          name="reason"
          label={props.reasonLabel}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          error={bad}
          helperText={bad ? translate('app.validation.reason') : ' '}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={props.busy}
          onClick={() => {
            setTouched(true);
            if (isReason(reason)) props.onConfirm(reason.trim());
          }}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
