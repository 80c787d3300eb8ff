import GroupsIcon from '@mui/icons-material/Groups';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
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
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatYuan } from '../../../common/format';
import { AreaInput, EnumInput, YuanInput } from '../../../common/inputs';
import { pickKeys } from '../../../providers/dataProvider';
import { useNotifyProblem } from '../../../providers/problem';
import {
  currentTerm,
  post,
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
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SubsidyBatchResult | null>(null);
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!canAccess) return null;
  const submit = async (v: Record<string, unknown>) => {
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
    try {
      setResult(await post<SubsidyBatchResult>('/education/subsidy-payments/batch', body));
      refresh();
    } catch (err) {
      notifyProblem(err);
    }
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  return (
    <>
      <Button label="resources.support-subsidy-payments.batch" onClick={() => setOpen(true)}>
        <GroupsIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.support-subsidy-payments.batch_title')}</DialogTitle>
        <DialogContent>
          {result ? (
            <Alert severity="success" data-testid="batch-result">
              {translate('resources.support-subsidy-payments.batch_done', {
                created: result.created,
                skipped: result.skipped,
                amount: formatYuan(result.amountFen),
                each: formatYuan(result.perStudentFen),
              })}
            </Alert>
          ) : (
            <Form
              record={{ term: currentTerm(), paidOn: today(), department: '县教育局' }}
              onSubmit={submit}
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
              <YuanInput
                source="amountFen"
                label="resources.support-subsidy-payments.amount_or_standard"
              />
              <DateInput source="paidOn" label={f('paidOn')} validate={required()} />
              <TextInput
                source="department"
                label={f('department')}
                validate={[required(), maxLength(50)]}
              />
              <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
                <SaveButton label="resources.support-subsidy-payments.batch_pay" alwaysEnable />
              </Toolbar>
            </Form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
