import GroupsIcon from '@mui/icons-material/Groups';
import Alert from '@mui/material/Alert';
import { DateInput, TextInput, maxLength, required, useCanAccess, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatYuan } from '../../../common/format';
import { AreaInput, EnumInput, YuanInput } from '../../../common/inputs';
import { pickKeys } from '../../../providers/dataProvider';
import { useCalls } from '../../calls';
import {
  currentTerm,
  SCHOOL_STAGES,
  SUBSIDY_TYPES,
  today,
  type SubsidyBatchResult,
} from '../support.api';
import { TermInput } from '../SupportInputs';

const f = (k: string) => `resources.support-subsidy-payments.fields.${k}`;

/**
 * 批量发放 — a subsidy to every student of a stage enrolled in the term (in the user's area,
 * or one township); a student already paid is skipped, so repeating pays no one twice.
 */
export function BatchPaymentButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'support-subsidy-payments', action: 'create' });
  const calls = useCalls();
  if (!canAccess) return null;
  const submit = (v: Record<string, unknown>) => {
    const body = pickKeys<Record<string, unknown>>(v, [
      'type',
      'term',
      'stage',
      'townshipCode',
      'amountFen',
      'paidOn',
      'department',
    ]);
    for (const k of ['townshipCode', 'amountFen'])
      if (body[k] === null || body[k] === '') delete body[k];
    return calls.supportBatchPayment(body);
  };
  return (
    <FormDialogButton<SubsidyBatchResult>
      label="resources.support-subsidy-payments.batch"
      title="resources.support-subsidy-payments.batch_title"
      icon={<GroupsIcon />}
      record={{ term: currentTerm(), paidOn: today(), department: '县教育局' }}
      submitLabel="resources.support-subsidy-payments.batch_pay"
      alwaysEnable
      onSubmit={submit}
      result={(result) => (
        <Alert severity="success" data-testid="batch-result">
          {translate('resources.support-subsidy-payments.batch_done', {
            created: result.created,
            skipped: result.skipped,
            amount: formatYuan(result.amountFen),
            each: formatYuan(result.perStudentFen),
          })}
        </Alert>
      )}
    >
      <EnumInput
        source="type"
        name="SubsidyType"
        codes={SUBSIDY_TYPES}
        label={f('type')}
        validate={required()}
      />
      <EnumInput
        source="stage"
        name="SchoolStage"
        codes={SCHOOL_STAGES}
        label={f('stage')}
        validate={required()}
      />
      <TermInput source="term" label={f('term')} validate={required()} />
      <AreaInput source="townshipCode" level="township" label={f('townshipCode')} />
      <YuanInput source="amountFen" label="resources.support-subsidy-payments.amount_or_standard" />
      <DateInput source="paidOn" label={f('paidOn')} validate={required()} />
      <TextInput
        source="department"
        label={f('department')}
        validate={[required(), maxLength(50)]}
      />
    </FormDialogButton>
  );
}
