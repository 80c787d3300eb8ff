import PaidIcon from '@mui/icons-material/Paid';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  SaveButton,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatYuan } from '../../../common/format';
import { YuanInput } from '../../../common/inputs';
import { useNotifyProblem } from '../../../providers/problem';
import { today, type InpatientEpisode } from '../support.api';
import { payTopUp } from './episode.api';

const l = (k: string) => `resources.support-inpatient-episodes.${k}`;

/** 追补发放 — pays what is still owed (or part of it), never more. */
export function PayTopUpButton() {
  const translate = useTranslate();
  const e = useRecordContext<InpatientEpisode>();
  const { canAccess } = useCanAccess({ resource: 'support-inpatient-episodes', action: 'create' });
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!e || !canAccess) return null;
  const owed = e.topUpFen - e.topUpPaidFen;
  if (owed <= 0) return null;
  return (
    <>
      <Button label={l('pay_top_up')} onClick={() => setOpen(true)}>
        <PaidIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(l('pay_top_up'))}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate(l('pay_top_up_hint'), { owed: formatYuan(owed) })}
          </DialogContentText>
          <Form
            record={{ paidOn: today(), department: '县医保局' }}
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await payTopUp(e.id, v);
                notify(l('top_up_paid'), { type: 'info' });
                setOpen(false);
                refresh();
              } catch (err) {
                notifyProblem(err);
              }
            }}
          >
            <YuanInput source="amountFen" label={l('payment.amount_or_owed')} />
            <DateInput source="paidOn" label={l('payment.paidOn')} validate={required()} />
            <TextInput
              source="department"
              label={l('payment.department')}
              validate={[required(), maxLength(50)]}
            />
            <TextInput source="voucherNo" label={l('payment.voucherNo')} validate={maxLength(50)} />
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label={l('pay_top_up')} alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
