import HeadIcon from '@mui/icons-material/AssignmentInd';
import { minLength, required, TextInput, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { codesOfEnum } from '../../../i18n/enums';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import type { Household } from './household.api';

type Member = Household['members'][number];

/**
 * 户主变更 — this member becomes the household's head; the former head (if one is left) takes
 * the relation chosen, in one request. A household whose head died (户主待变更) gets its head
 * the same way. The registry refuses a second head or a household left without one.
 */
export function HeadChangeButton({ household, member }: { household: Household; member: Member }) {
  const calls = useCalls();
  const translate = useTranslate();
  const formerHead = household.members.find((m) => m.status === 'active' && m.relation === 'head');
  return (
    <FormDialogButton
      label="headChange.button"
      title="headChange.title"
      titleArgs={{ name: member.name }}
      icon={<HeadIcon />}
      hint={translate(formerHead ? 'headChange.hint' : 'headChange.hint_no_head')}
      done="headChange.done"
      submitLabel="headChange.submit"
      onSubmit={(v) =>
        calls.householdChangeHead(String(household.id), household.revision, {
          memberId: member.id,
          formerHeadRelation: formerHead ? (v.formerHeadRelation as string) : null,
          reason: String(v.reason ?? ''),
        })
      }
    >
      {formerHead ? (
        <EnumInput
          source="formerHeadRelation"
          label="headChange.former_relation"
          name="Relation"
          codes={codesOfEnum('Relation').filter((c) => c !== 'head')}
          validate={required()}
        />
      ) : null}
      <TextInput
        source="reason"
        label="app.common.reason"
        validate={[required(), minLength(2)]}
        multiline
        fullWidth
      />
    </FormDialogButton>
  );
}
