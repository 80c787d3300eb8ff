import RemoveDoneIcon from '@mui/icons-material/RemoveDone';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  DateInput,
  FunctionField,
  Labeled,
  NumberField,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDay, formatYuan } from '../../../common/format';
import { YuanInput } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import type { Loan } from '../funds.api';
import { FormDialogButton } from '../../../common/FormDialogButton';

const INSTALLMENT = ['principalFen', 'interestFen', 'discountFen', 'dueFen', 'paidFen'] as const;
const percentOfBp = (bp: unknown) => (typeof bp === 'number' ? `${(bp / 100).toFixed(2)}%` : '—');

function Schedule() {
  const translate = useTranslate();
  const loan = useRecordContext<Loan>();
  const i = (k: string) => translate(`resources.loans.installment.${k}`);
  return (
    <Labeled label="resources.loans.schedule">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{i('no')}</TableCell>
            <TableCell>{i('dueOn')}</TableCell>
            {INSTALLMENT.map((k) => (
              <TableCell key={k} align="right">
                {i(k)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(loan?.schedule ?? []).map((s) => (
            <TableRow key={s.no}>
              <TableCell>{s.no}</TableCell>
              <TableCell>{formatDay(s.dueOn ?? '')}</TableCell>
              {INSTALLMENT.map((k) => (
                <TableCell key={k} align="right">
                  {formatYuan(s[k])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Repayments() {
  const loan = useRecordContext<Loan>();
  return (
    <Labeled label="resources.loans.repayments">
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableBody>
          {(loan?.repayments ?? []).map((r) => (
            <TableRow key={r.id}>
              <TableCell>{formatDay(r.on ?? '')}</TableCell>
              <TableCell align="right">{formatYuan(r.amountFen)}</TableCell>
              <TableCell>{r.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function RepayButton() {
  const calls = useCalls();
  const loan = useRecordContext<Loan>();
  const { canAccess } = useCanAccess({ resource: 'loans', action: 'create' });
  if (!loan || loan.status !== 'active' || !canAccess) return null;
  return (
    <FormDialogButton
      label="resources.loans.repay"
      record={{ on: formatDay(new Date().toISOString()) }}
      done="resources.loans.repaid"
      alwaysEnable
      onSubmit={(v) =>
        calls.fundsRepayLoan(loan.id, {
          on: String(v.on),
          amountFen: Number(v.amountFen),
          note: typeof v.note === 'string' && v.note ? v.note : null,
        })
      }
    >
      <DateInput source="on" label="resources.loans.repay_on" validate={required()} />
      <YuanInput source="amountFen" label="resources.loans.repay_amount" validate={required()} />
      <TextInput source="note" label="resources.loans.repay_note" fullWidth />
    </FormDialogButton>
  );
}

interface WriteOff {
  on?: string;
  reason?: string;
  disaster?: string;
  documentNo?: string | null;
  amountFen?: number;
  by?: string;
}

const w = (k: string) => `resources.loans.write_off.${k}`;

/**
 * 核销 — a loan the borrower cannot repay after a disaster is written off by a user with the
 * approve right, with the disaster, the reason and the document that allows it.
 */
function WriteOffButton() {
  const calls = useCalls();
  const translate = useTranslate();
  const loan = useRecordContext<Loan>();
  const { permissions } = usePermissions<Permissions>();
  if (!loan || loan.status !== 'active' || !hasRight(permissions, 'funds', 'approve')) return null;
  const text = (v: Record<string, unknown>, k: string) =>
    typeof v[k] === 'string' ? String(v[k]).trim() : '';
  return (
    <FormDialogButton
      label={w('button')}
      title={w('title')}
      icon={<RemoveDoneIcon />}
      hint={translate(w('hint'), { amount: formatYuan(loan.owedFen) })}
      record={{ on: formatDay(new Date().toISOString()) }}
      done={w('done')}
      submitLabel={w('button')}
      submitIcon={<RemoveDoneIcon />}
      onSubmit={(v) =>
        calls.fundsWriteOffLoan(loan.id, {
          on: String(v.on),
          disaster: text(v, 'disaster'),
          reason: text(v, 'reason'),
          documentNo: text(v, 'documentNo') || null,
        })
      }
    >
      <DateInput source="on" label={w('on')} validate={required()} />
      <TextInput
        source="disaster"
        label={w('disaster')}
        fullWidth
        validate={[required(), maxLength(100)]}
      />
      <TextInput
        source="reason"
        label={w('reason')}
        fullWidth
        multiline
        minRows={2}
        validate={[required(), maxLength(500)]}
      />
      <TextInput source="documentNo" label={w('documentNo')} fullWidth validate={maxLength(100)} />
    </FormDialogButton>
  );
}

/** What was written off, when and why (shown once a loan is written off). */
function WriteOffDetails() {
  const translate = useTranslate();
  const loan = useRecordContext<Loan>();
  const wo = (loan?.writeOff ?? null) as WriteOff | null;
  if (!wo) return null;
  const rows: [string, string][] = [
    ['on', formatDay(wo.on ?? '')],
    ['amountFen', formatYuan(wo.amountFen)],
    ['disaster', wo.disaster ?? '—'],
    ['reason', wo.reason ?? '—'],
    ['documentNo', wo.documentNo || '—'],
    ['by', wo.by ?? '—'],
  ];
  return (
    <Labeled label={w('title')}>
      <Table size="small" sx={{ maxWidth: 640 }} data-testid="loan-write-off">
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" sx={{ width: 160 }}>
                {translate(w(k))}
              </TableCell>
              <TableCell>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

export default function LoanShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RepayButton />
          <WriteOffButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="contractNo" />
        <EnumField source="kind" name="LoanKind" />
        <TextField source="householdNo" emptyText="—" />
        <TextField source="borrower.name" label="resources.loans.fields.borrowerName" />
        <AreaField source="areaCode" />
        <TextField source="lender" />
        <TextField source="purpose" />
        <YuanField source="principalFen" />
        <NumberField source="termMonths" />
        <NumberField source="intervalMonths" />
        <FunctionField
          label="resources.loans.fields.annualRatePercent"
          render={(r: Loan) => percentOfBp(r.annualRateBp)}
        />
        <FunctionField
          label="resources.loans.fields.discountPercent"
          render={(r: Loan) => percentOfBp(r.discountBp)}
        />
        <EnumField source="repayment" name="RepaymentMethod" />
        <DayField source="startOn" />
        <TextField source="guarantor.name" label="resources.loans.fields.guarantorName" />
        <TextField
          source="guarantor.phone"
          label="resources.loans.fields.guarantorPhone"
          emptyText="—"
        />
        <YuanField source="paidFen" />
        <YuanField source="owedFen" />
        <YuanField source="overdue.overdueFen" label="resources.loans.fields.overdueFen" />
        <EnumField source="status" name="LoanStatus" chip />
        <WriteOffDetails />
        <Schedule />
        <Repayments />
      </SimpleShowLayout>
    </Show>
  );
}
