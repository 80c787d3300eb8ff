import AddIcon from '@mui/icons-material/PersonAdd';
import EditIcon from '@mui/icons-material/Edit';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { changedFields } from '../../../providers/dataProvider';
import { useCalls } from '../../calls';
import { type Household, memberBody } from './household.api';
import { MemberInputs } from './MemberInputs';

type Member = Household['members'][number] & Record<string, unknown>;

/** Personal values come masked; an unchanged (masked) phone is never sent back. */
const editable = (m: Member) => ({ ...m, phone: '' });

/** A member's field problem on its input (`members.0.idNumber` → `idNumber`). */
const memberField = (path: string) => path.replace(/^members\.\d+\./, '');

/**
 * 新增 / 修改家庭成员 — one member (none: a new one), saved at once against the household's
 * revision. Field problems (an ID number's checksum, a duplicate person) come back onto
 * their inputs.
 */
export function MemberDialogButton({
  household,
  member,
}: {
  household: Household;
  member: Member | null;
}) {
  const calls = useCalls();
  const id = String(household.id);
  if (member === null) {
    return (
      <FormDialogButton
        label="resources.members.add"
        icon={<AddIcon />}
        variant="outlined"
        maxWidth="md"
        resource="members"
        record={{ medicalInsurance: true, pensionInsurance: false }}
        submitLabel="ra.action.save"
        fieldOf={memberField}
        done="resources.members.added"
        onSubmit={(v) => calls.householdAddMember(id, household.revision, v)}
      >
        <MemberInputs withIdNumber />
      </FormDialogButton>
    );
  }
  const before = editable(member);
  return (
    <FormDialogButton
      label="ra.action.edit"
      title="resources.members.edit"
      icon={<EditIcon />}
      maxWidth="md"
      resource="members"
      record={before}
      submitLabel="ra.action.save"
      alwaysEnable
      fieldOf={memberField}
      done="resources.members.updated"
      onSubmit={(v) =>
        calls.householdUpdateMember(
          id,
          member.id,
          household.revision,
          memberBody(changedFields(v, before, Object.keys(v)), true),
        )
      }
    >
      <MemberInputs withIdNumber={false} />
    </FormDialogButton>
  );
}
