import CheckIcon from '@mui/icons-material/Check';
import UndoIcon from '@mui/icons-material/Undo';
import { type ReactNode, useState } from 'react';
import { Button, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../common/FormDialogButton';
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
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!pending || !hasRight(permissions, 'funds', 'approve')) return null;
  const m = (k: string) => `${messages}.${k}`;
  return (
    <>
      <FormDialogButton
        label={m('approve')}
        icon={<CheckIcon />}
        title={m('approve_title')}
        hint={translate(m('approve_hint'))}
        record={approveDefaults}
        done={m('approved')}
        submitLabel={m('approve')}
        submitIcon={<CheckIcon />}
        alwaysEnable
        onSubmit={approve}
      >
        {approveInputs}
      </FormDialogButton>
      <Button label={m('reject')} onClick={() => setRejecting(true)}>
        <UndoIcon />
      </Button>
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
