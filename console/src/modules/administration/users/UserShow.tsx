import LockOpenIcon from '@mui/icons-material/LockOpen';
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Button,
  EditButton,
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import {
  AreaField,
  DateTimeField,
  EnumArrayField,
  EnumField,
  YesNoField,
} from '../../../common/fields';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { RightsTable } from './RightsInput';
import { InitialPassword } from './UserCreate';

function Actions() {
  const translate = useTranslate();
  const notify = useNotify();
  const fail = useNotifyProblem();
  const refresh = useRefresh();
  const calls = useCalls();
  const user = useRecordContext<{ id: string; username: string; lockedUntil: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  if (!user) return null;
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return (
    <TopToolbar>
      {canAccess && locked ? (
        <Button
          label="resources.users.unlock"
          onClick={() =>
            calls.userUnlock(user.id).then(() => {
              notify('resources.users.unlocked', { type: 'success' });
              refresh();
            }, fail)
          }
        >
          <LockOpenIcon />
        </Button>
      ) : null}
      {canAccess ? (
        <FormDialogButton
          label="resources.users.reset_password"
          icon={<LockResetIcon />}
          hint={translate('resources.users.reset_confirm', { username: user.username })}
          submitLabel="ra.action.confirm"
          alwaysEnable
          onSubmit={() => calls.userResetPassword(user.id)}
          resultTitle="resources.users.initial_password_title"
          result={(r) => <InitialPassword username={user.username} password={r.initialPassword} />}
        >
          {null}
        </FormDialogButton>
      ) : null}
      <EditButton />
    </TopToolbar>
  );
}

function Rights() {
  const user = useRecordContext<{ rights: Record<string, string[]> }>();
  return user ? <RightsTable rights={user.rights} /> : null;
}

export default function UserShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="username" />
        <TextField source="displayName" />
        <EnumArrayField source="roles" name="Role" />
        <EnumField source="department" name="Department" />
        <AreaField source="areaCode" />
        <EnumField source="status" name="UserStatus" chip />
        <YesNoField source="mustChangePassword" />
        <DateTimeField source="lockedUntil" />
        <Labeled label="resources.users.fields.rights">
          <Rights />
        </Labeled>
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
}
