import AlarmIcon from '@mui/icons-material/Alarm';
import { DateTimeInput, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../../common/FormDialogButton';
import { hasRight, isCountyWide, type Permissions } from '../../../../providers/permissions';
import { useCalls } from '../../../calls';
import { dueAtOf, dueInFuture } from '../../../matching/findings/due-at';
import { ReasonInput } from '../../households/StepOpinionInputs';
import type { MonitoringWarning } from '../monitoring.api';
import { deadlineText } from './deadline';

const l = (k: string) => `resources.monitoring-warnings.due.${k}`;

const someDue = (v: unknown) =>
  (typeof v === 'string' && v.trim() !== '') || v instanceof Date ? undefined : l('required');
const futureDue = (v: unknown) => (dueInFuture(v, new Date()) ? undefined : l('future'));

/**
 * 督办（设定核实期限） — the county poverty office (county-wide, the registry's approve right) sets
 * an open warning's deadline with its time of day and a reason, as matching's 调整整改期限 does
 * (the input's local date-time sent as an instant); the service checks it again and may refuse.
 */
export function WarningDueButton() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  const { permissions } = usePermissions<Permissions>();
  const calls = useCalls();
  if (
    !w ||
    w.status !== 'open' ||
    !isCountyWide(permissions) ||
    !hasRight(permissions, 'registry', 'approve')
  ) {
    return null;
  }
  return (
    <FormDialogButton
      label={l('button')}
      hint={translate(l('hint'), { due: deadlineText(w.dueAt, w.dueOn) })}
      icon={<AlarmIcon />}
      variant="outlined"
      submitLabel={l('submit')}
      done={l('done')}
      onSubmit={(v) =>
        calls.monitoringWarningDue(w.id, {
          dueAt: dueAtOf(v.dueAt),
          reason: String(v.reason ?? '').trim(),
        })
      }
    >
      <DateTimeInput source="dueAt" label={l('dueAt')} validate={[someDue, futureDue]} fullWidth />
      <ReasonInput label={l('reason')} />
    </FormDialogButton>
  );
}
