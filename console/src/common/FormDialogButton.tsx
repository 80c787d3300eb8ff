import Alert from '@mui/material/Alert';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
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
import { pick, problemOf, useNotifyProblem } from '../providers/problem';

export interface FormDialogButtonProps<R> {
  label: string;
  /** The dialog's title (a message key, with `titleArgs`); the button's label by default. */
  title?: string;
  titleArgs?: Record<string, unknown>;
  icon?: ReactElement;
  hint?: ReactNode;
  /** The form's starting values. */
  record?: Record<string, unknown>;
  /** The message key shown after success (the dialog then closes). */
  done?: string;
  /**
   * What success answered, shown in the dialog in place of the form (a scan's figures, a
   * batch's totals) until it is closed; without it the dialog closes on success.
   */
  result?: (value: R) => ReactNode;
  /** The dialog's title while it shows the `result` (its title by default). */
  resultTitle?: string;
  submitLabel?: string;
  submitIcon?: ReactElement;
  /** Submit without a change to the starting values (they are often enough). */
  alwaysEnable?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md';
  /** The opening button's look: a page's main action is `contained`. */
  variant?: 'text' | 'outlined' | 'contained';
  /**
   * A refusal with reasons (no owner yet, no follow-up …) lists each of them in the dialog
   * rather than in a notification.
   */
  listRefusals?: boolean;
  /** The button sits in a clickable row (a list): its click must not open the row. */
  inRow?: boolean;
  /** The opening button's colour: a rejection is `error`. */
  color?: 'primary' | 'secondary' | 'error';
  /** The resource whose field labels the inputs take (`resources.<resource>.fields.*`). */
  resource?: string;
  /**
   * A refusal the page shows itself, where it stays after the dialog (a step's failed
   * checks, a reviewer's refusal): answering true closes the dialog without the notice.
   */
  onRefusal?: (error: unknown) => boolean;
  /** The input a field problem of the service belongs to (`members.0.idNumber` → `idNumber`). */
  fieldOf?: (path: string) => string;
  onSubmit: (values: Record<string, unknown>) => Promise<R>;
  children: ReactNode;
}

/**
 * The console's one way to write an action: a button that opens a dialog with a small form
 * (record an arrival, a repayment, a scan, a write-off …). On submit `onSubmit` calls the
 * API (a named data-provider method); success says `done` and closes the dialog, or shows
 * `result`, and refreshes the page; a refusal shows the service's problem (field and reason)
 * and keeps the dialog open with what was typed.
 */
export function FormDialogButton<R = unknown>({
  label,
  title,
  titleArgs,
  icon,
  hint,
  record,
  done,
  result,
  resultTitle,
  submitLabel = 'app.common.submit',
  submitIcon,
  alwaysEnable = false,
  maxWidth = 'sm',
  variant,
  listRefusals = false,
  inRow = false,
  color,
  resource,
  onRefusal,
  fieldOf,
  onSubmit,
  children,
}: FormDialogButtonProps<R>) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<{ value: R } | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const close = () => {
    setOpen(false);
    setAnswer(null);
  };
  return (
    <>
      <Button
        label={label}
        variant={variant}
        color={color}
        onClick={(e) => {
          if (inRow) e.stopPropagation();
          setRefused([]);
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth={maxWidth}>
        <DialogTitle>
          {answer && resultTitle ? translate(resultTitle) : translate(title ?? label, titleArgs)}
        </DialogTitle>
        <DialogContent>
          {answer && result ? (
            result(answer.value)
          ) : (
            <>
              {hint ? <DialogContentText sx={{ mb: 2 }}>{hint}</DialogContentText> : null}
              <Form
                record={record}
                resource={resource}
                onSubmit={async (v: Record<string, unknown>) => {
                  try {
                    const value = await onSubmit(v);
                    if (done) notify(done, { type: 'info' });
                    if (result) setAnswer({ value });
                    else setOpen(false);
                    refresh();
                    return undefined;
                  } catch (e) {
                    if (onRefusal?.(e)) {
                      setOpen(false);
                      return undefined;
                    }
                    const p = listRefusals ? problemOf(e) : null;
                    if (p?.errors?.length) {
                      setRefused([pick(p.message), ...p.errors.map((x) => pick(x.message))]);
                      return undefined;
                    }
                    notifyProblem(e);
                    return fieldErrorsOf(e, fieldOf);
                  }
                }}
              >
                {refused.length ? (
                  <Alert severity="error" sx={{ mb: 2 }} data-testid="step-refused">
                    {refused.map((r) => (
                      <div key={r}>{r}</div>
                    ))}
                  </Alert>
                ) : null}
                {children}
                <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
                  <SaveButton label={submitLabel} icon={submitIcon} alwaysEnable={alwaysEnable} />
                </Toolbar>
              </Form>
            </>
          )}
        </DialogContent>
        {answer && result ? (
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
          </DialogActions>
        ) : null}
      </Dialog>
    </>
  );
}

/**
 * The service's field problems as the form's submission errors, each on its input
 * (react-hook-form shows them under the inputs; `root` keeps the message).
 */
function fieldErrorsOf(
  error: unknown,
  fieldOf: ((path: string) => string) | undefined,
): Record<string, unknown> | undefined {
  const errors = (error as { body?: { errors?: Record<string, unknown> } } | null)?.body?.errors;
  if (!errors || !fieldOf) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [fieldOf(k), v]));
}

/**
 * What an action that is not a dialog's form answered (a new user's initial password after
 * the create page's save), shown once in the same dialog FormDialogButton shows its `result`
 * in, until it is closed.
 */
export function ResultDialog(props: {
  title: string;
  onClose: () => void;
  maxWidth?: 'xs' | 'sm' | 'md';
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth={props.maxWidth ?? 'sm'}>
      <DialogTitle>{translate(props.title)}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>
        <MuiButton onClick={props.onClose}>{translate('ra.action.close')}</MuiButton>
      </DialogActions>
    </Dialog>
  );
}
