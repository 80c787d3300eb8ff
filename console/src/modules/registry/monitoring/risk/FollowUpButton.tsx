import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import {
  DateInput,
  maxLength,
  required,
  SelectInput,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { FormDialogButton } from '../../../../common/FormDialogButton';
import { YuanInput } from '../../../../common/inputs';
import { useCalls } from '../../../calls';
import type { FollowUp } from '../monitoring.api';
import { monthParts, monthsUpTo, shanghaiMonth, shanghaiToday } from './follow-up-figures';

const l = (k: string) => `monitoring.risk.record.${k}`;

/** How far back a month can be recorded or corrected from the dialog. */
const MONTHS_BACK = 24;

/** A home check is a day of the month recorded, not after today (the registry says so too). */
const inTheMonth: Validator = (value: unknown, all: Record<string, unknown>) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const month = typeof all.month === 'string' ? all.month : '';
  return value.startsWith(`${month}-`) && value <= shanghaiToday()
    ? undefined
    : l('home_check_outside');
};

/**
 * 登记帮扶跟踪 — records a month of the household's follow-up log (this month by default): the
 * household's income that month in yuan (kept as whole fen), the day of a home check, a note.
 * A month already recorded is corrected; the registry keeps what it replaced. The panel is read
 * again once the month is recorded.
 */
export function FollowUpButton({
  householdId,
  onRecorded,
}: {
  householdId: string;
  onRecorded: () => Promise<void>;
}) {
  const translate = useTranslate();
  const calls = useCalls();
  const thisMonth = shanghaiMonth();
  const months = monthsUpTo(thisMonth, MONTHS_BACK).map((m) => ({
    id: m,
    name: translate('monitoring.risk.month', monthParts(m)),
  }));
  return (
    <FormDialogButton<FollowUp>
      label={l('button')}
      hint={translate(l('hint'))}
      icon={<EditCalendarIcon />}
      variant="outlined"
      record={{ month: thisMonth, incomeFen: null, homeCheckOn: null, note: '' }}
      submitLabel={l('submit')}
      fieldOf={(path) => path.split('.')[0] ?? path}
      done={l('done')}
      onSubmit={async (v) => {
        const recorded = await calls.monitoringFollowUpRecord(householdId, String(v.month), {
          incomeFen: typeof v.incomeFen === 'number' ? v.incomeFen : null,
          homeCheckOn: typeof v.homeCheckOn === 'string' && v.homeCheckOn ? v.homeCheckOn : null,
          note: String(v.note ?? '').trim(),
        });
        await onRecorded();
        return recorded;
      }}
    >
      <SelectInput
        source="month"
        label={l('month')}
        choices={months}
        translateChoice={false}
        validate={required()}
        fullWidth
      />
      <YuanInput source="incomeFen" label={l('income')} fullWidth />
      <DateInput
        source="homeCheckOn"
        label={l('home_check')}
        helperText={l('home_check_help')}
        validate={inTheMonth}
        fullWidth
      />
      <TextInput
        source="note"
        label={l('note')}
        multiline
        minRows={2}
        fullWidth
        validate={maxLength(1000)}
      />
    </FormDialogButton>
  );
}
