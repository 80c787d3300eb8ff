import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { SubsidyPayment } from '../support.api';

/** 作废 — a payment recorded in error is voided with a reason (it stays listed as voided). */
export function VoidPaymentButton() {
  const calls = useCalls();
  const translate = useTranslate();
  const payment = useRecordContext<SubsidyPayment>();
  const { canAccess } = useCanAccess({ resource: 'support-subsidy-payments', action: 'create' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!payment || payment.voided || !canAccess) return null;
  const confirm = async (reason: string) => {
    setBusy(true);
    try {
      await calls.supportVoidPayment(payment.id, reason);
      notify('resources.support-subsidy-payments.voided_done', { type: 'info' });
      setOpen(false);
      refresh();
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label="resources.support-subsidy-payments.void"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <ReasonDialog
        open={open}
        busy={busy}
        title={translate('resources.support-subsidy-payments.void_title', { name: payment.name })}
        hint={translate('resources.support-subsidy-payments.void_hint')}
        reasonLabel={translate('resources.support-subsidy-payments.void_reason')}
        confirmLabel={translate('resources.support-subsidy-payments.void')}
        onCancel={() => setOpen(false)}
        onConfirm={(r) => void confirm(r)}
      />
    </>
  );
}
