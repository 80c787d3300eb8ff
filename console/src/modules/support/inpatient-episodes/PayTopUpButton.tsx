import PaidIcon from '@mui/icons-material/Paid';
import {
  DateInput,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatYuan } from '../../../common/format';
import { YuanInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import { today, type InpatientEpisode } from '../support.api';

const l = (k: string) => `resources.support-inpatient-episodes.${k}`;

/** 追补发放 — pays what is still owed (or part of it), never more. */
export function PayTopUpButton() {
  const translate = useTranslate();
  const e = useRecordContext<InpatientEpisode>();
  const { canAccess } = useCanAccess({ resource: 'support-inpatient-episodes', action: 'create' });
  const calls = useCalls();
  if (!e || !canAccess) return null;
  const owed = e.topUpFen - e.topUpPaidFen;
  if (owed <= 0) return null;
  return (
    <FormDialogButton
      label={l('pay_top_up')}
      icon={<PaidIcon />}
      hint={translate(l('pay_top_up_hint'), { owed: formatYuan(owed) })}
      record={{ paidOn: today(), department: '县医保局' }}
      done={l('top_up_paid')}
      submitLabel={l('pay_top_up')}
      alwaysEnable
      onSubmit={(v) => calls.supportPayTopUp(e.id, v)}
    >
      <YuanInput source="amountFen" label={l('payment.amount_or_owed')} />
      <DateInput source="paidOn" label={l('payment.paidOn')} validate={required()} />
      <TextInput
        source="department"
        label={l('payment.department')}
        validate={[required(), maxLength(50)]}
      />
      <TextInput source="voucherNo" label={l('payment.voucherNo')} validate={maxLength(50)} />
    </FormDialogButton>
  );
}
