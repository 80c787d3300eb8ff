import LockOpenIcon from '@mui/icons-material/LockOpen';
import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import {
  Button,
  Confirm,
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import {
  AreaField,
  DateTimeField,
  EnumArrayField,
  EnumField,
  YesNoField,
} from '../../../common/fields';
import { useNotifyProblem } from '../../../providers/problem';
import { RightsTable } from './RightsInput';
import { userCalls } from './user.api';
import { InitialPasswordDialog } from './UserCreate';

function Actions() {
  const translate = useTranslate();
  const notify = useNotify();
  const fail = useNotifyProblem();
  const refresh = useRefresh();
  const user = useRecordContext<{ id: string; username: string; lockedUntil: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  const [confirm, setConfirm] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (!user) return null;
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return (
    <TopToolbar>
      {canAccess && locked ? (
        <Button
          label="resources.users.unlock"
          onClick={() =>
            userCalls.unlock(user.id).then(() => {
              notify('resources.users.unlocked', { type: 'success' });
              refresh();
            }, fail)
          }
        >
          <LockOpenIcon />
        </Button>
      ) : null}
      {canAccess ? (
        <Button label="resources.users.reset_password" onClick={() => setConfirm(true)}>
          <LockResetIcon />
        </Button>
      ) : null}
      <EditButton />
      <Confirm
        isOpen={confirm}
        title="resources.users.reset_password"
        content={translate('resources.users.reset_confirm', { username: user.username })}
        onClose={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          userCalls.resetPassword(user.id).then((r) => setPassword(r.initialPassword), fail);
        }}
      />
      {password ? (
        <InitialPasswordDialog
          username={user.username}
          password={password}
          onClose={() => setPassword(null)}
        />
      ) : null}
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
