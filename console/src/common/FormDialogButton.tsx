import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactElement, type ReactNode, useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  Toolbar,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNotifyProblem } from '../providers/problem';

/**
 * A button that opens a dialog with a small form (record an arrival, a repayment, a posting, a
 * write-off …): on submit `onSubmit` calls the API; success closes the dialog, says `done` and
 * refreshes the page; a refusal shows the service's problem (field and reason) and keeps the
 * dialog open with what was typed.
 */
export function FormDialogButton({
  label,
  title,
  icon,
  hint,
  record,
  done,
  submitLabel = 'app.common.submit',
  submitIcon,
  alwaysEnable = false,
  onSubmit,
  children,
}: {
  label: string;
  /** The dialog's title; the button's label by default. */
  title?: string;
  icon?: ReactElement;
  hint?: ReactNode;
  /** The form's starting values. */
  record?: Record<string, unknown>;
  /** The message key shown after success. */
  done: string;
  submitLabel?: string;
  submitIcon?: ReactElement;
  /** Submit without a change to the starting values (they are often enough). */
  alwaysEnable?: boolean;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)}>
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(title ?? label)}</DialogTitle>
        <DialogContent>
          {hint ? <DialogContentText>{hint}</DialogContentText> : null}
          <Form
            record={record}
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await onSubmit(v);
                notify(done, { type: 'info' });
                setOpen(false);
                refresh();
              } catch (e) {
                notifyProblem(e);
              }
            }}
          >
            {children}
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label={submitLabel} icon={submitIcon} alwaysEnable={alwaysEnable} />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
