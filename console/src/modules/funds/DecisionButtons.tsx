import CheckIcon from '@mui/icons-material/Check';
import UndoIcon from '@mui/icons-material/Undo';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactNode, useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  Toolbar,
  useNotify,
  usePermissions,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ReasonDialog } from '../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../providers/permissions';
import { useNotifyProblem } from '../../providers/problem';

/**
 * 审批 and 退回 of a request awaiting a second person (a payment, a transfer): shown only to a
 * user with the funds approve right while `pending`. Approving confirms in a dialog (with the
 * inputs the approval takes, if any); refusing asks the reason. The service refuses the
 * requester's own approval (four eyes) and the page shows its message.
 *
 * The texts are `<messages>.approve`, `.approve_title`, `.approve_hint`, `.approved`,
 * `.reject`, `.reject_title`, `.reject_hint` and `.rejected`.
 */
export function DecisionButtons({
  messages,
  pending,
  approve,
  reject,
  reasonLabel,
  approveInputs,
  approveDefaults = {},
}: {
  messages: string;
  pending: boolean;
  approve: (values: Record<string, unknown>) => Promise<unknown>;
  reject: (reason: string) => Promise<unknown>;
  /** The message key of the reason's label. */
  reasonLabel: string;
  approveInputs?: ReactNode;
  approveDefaults?: Record<string, unknown>;
}) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!pending || !hasRight(permissions, 'funds', 'approve')) return null;
  const m = (k: string) => `${messages}.${k}`;
  return (
    <>
      <Button label={m('approve')} onClick={() => setApproving(true)}>
        <CheckIcon />
      </Button>
      <Button label={m('reject')} onClick={() => setRejecting(true)}>
        <UndoIcon />
      </Button>
      <Dialog open={approving} onClose={() => setApproving(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(m('approve_title'))}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(m('approve_hint'))}</DialogContentText>
          <Form
            record={approveDefaults}
            onSubmit={async (values: Record<string, unknown>) => {
              try {
                await approve(values);
                notify(m('approved'), { type: 'info' });
                setApproving(false);
                refresh();
              } catch (e) {
                notifyProblem(e);
              }
            }}
          >
            {approveInputs}
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label={m('approve')} icon={<CheckIcon />} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
      <ReasonDialog
        open={rejecting}
        busy={busy}
        title={translate(m('reject_title'))}
        hint={translate(m('reject_hint'))}
        reasonLabel={translate(reasonLabel)}
        confirmLabel={translate(m('reject'))}
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => {
          setBusy(true);
          reject(reason)
            .then(
              () => {
                notify(m('rejected'), { type: 'info' });
                setRejecting(false);
                refresh();
              },
              (e: unknown) => notifyProblem(e),
            )
            .finally(() => setBusy(false));
        }}
      />
    </>
  );
}
