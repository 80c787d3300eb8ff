import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { Form, SaveButton, Toolbar, useNotify, useTranslate } from 'react-admin';
import { changedFields } from '../../../providers/dataProvider';
import { useNotifyProblem } from '../../../providers/problem';
import { type Household, householdCalls, memberBody } from './household.api';
import { MemberInputs } from './MemberInputs';

type Member = Household['members'][number] & Record<string, unknown>;

/** Personal values come masked; an unchanged (masked) phone is never sent back. */
const editable = (m: Member) => ({ ...m, phone: '' });

/**
 * 新增 / 修改家庭成员 — one member, saved at once against the household's revision. Field
 * problems (an ID number's checksum, a duplicate person) come back onto their inputs.
 */
export function MemberDialog(props: {
  household: Household;
  member: Member | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const { household, member } = props;
  const adding = member === null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      if (adding) {
        await householdCalls.addMember(String(household.id), household.revision, values);
        notify('resources.members.added', { type: 'success' });
      } else {
        const before = editable(member);
        const patch = memberBody(changedFields(values, before, Object.keys(values)), true);
        await householdCalls.updateMember(
          String(household.id),
          member.id,
          household.revision,
          patch,
        );
        notify('resources.members.updated', { type: 'success' });
      }
      props.onSaved();
      return undefined;
    } catch (err) {
      notifyProblem(err);
      // react-admin puts these onto the inputs (`idNumber`, `members.0.idNumber` → the same input).
      const errors = (err as { body?: { errors?: Record<string, unknown> } }).body?.errors ?? {};
      return Object.fromEntries(
        Object.entries(errors).map(([k, v]) => [k.replace(/^members\.\d+\./, ''), v]),
      );
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {translate(adding ? 'resources.members.add' : 'resources.members.edit')}
      </DialogTitle>
      <DialogContent>
        <Form
          record={adding ? { medicalInsurance: true, pensionInsurance: false } : editable(member)}
          onSubmit={submit}
          resource="members"
        >
          <MemberInputs withIdNumber={adding} />
          <Toolbar sx={{ justifyContent: 'flex-end', gap: 1, px: 0 }}>
            <SaveButton alwaysEnable={!adding} />
          </Toolbar>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
