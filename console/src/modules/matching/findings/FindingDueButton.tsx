import {
  DateTimeInput,
  TextInput,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { isReason } from '../../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import type { Finding } from '../matching.api';
import { dueAtOf, dueInFuture } from './due-at';

const l = (k: string) => `resources.matching-findings.due.${k}`;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

const requiredDue = (v: unknown) => (text(v) || v instanceof Date ? undefined : l('required_due'));
const futureDue = (v: unknown) => (dueInFuture(v, new Date()) ? undefined : l('future_due'));
const reasonOk = (v: unknown) => (isReason(text(v)) ? undefined : 'app.validation.reason');

/**
 * 调整整改期限 (督办) — the county poverty office (the approve right) sets an open finding's
 * deadline, with its time of day and a reason; the service checks it again and may refuse.
 */
export function FindingDueButton() {
  const f = useRecordContext<Finding>();
  const { permissions } = usePermissions<Permissions>();
  const calls = useCalls();
  const translate = useTranslate();
  if (!f || f.status === 'closed' || !hasRight(permissions, 'matching', 'approve')) return null;
  return (
    <FormDialogButton
      label={l('label')}
      title={l('title')}
      hint={translate(l('hint'))}
      variant="outlined"
      submitLabel={l('label')}
      done={l('done')}
      onSubmit={async (v) => {
        await calls.matchingFindingDue(f.id, { dueAt: dueAtOf(v.dueAt), reason: text(v.reason) });
      }}
    >
      <DateTimeInput
        source="dueAt"
        label={l('dueAt')}
        validate={[requiredDue, futureDue]}
        fullWidth
      />
      <TextInput
        source="reason"
        label={l('reason')}
        multiline
        minRows={2}
        fullWidth
        validate={reasonOk}
      />
    </FormDialogButton>
  );
}
