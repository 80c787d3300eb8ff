import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Create,
  SimpleForm,
  TextInput,
  regex,
  required,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { ResultDialog } from '../../../common/FormDialogButton';
import { UserInputs } from './UserInputs';

/** The one-time initial password of a new user or a reset, shown once to the administrator. */
export function InitialPassword(props: { username: string; password: string }) {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('resources.users.initial_password_hint', { username: props.username })}
      </Alert>
      <Typography variant="h5" sx={{ fontFamily: 'monospace' }} data-testid="initial-password">
        {props.password}
      </Typography>
    </>
  );
}

export default function UserCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<{
    id: string;
    username: string;
    initialPassword: string;
  } | null>(null);
  return (
    <>
      <Create
        mutationOptions={{
          onSuccess: (data: { id: string; username: string; initialPassword: string }) =>
            setCreated(data),
        }}
      >
        <SimpleForm>
          <TextInput
            source="username"
            validate={[
              required(),
              regex(/^[A-Za-z][A-Za-z0-9._-]{2,39}$/, 'app.validation.username'),
            ]}
          />
          <UserInputs />
        </SimpleForm>
      </Create>
      {created ? (
        <ResultDialog
          title="resources.users.initial_password_title"
          onClose={() => {
            setCreated(null);
            redirect('show', 'users', created.id);
          }}
        >
          <InitialPassword username={created.username} password={created.initialPassword} />
        </ResultDialog>
      ) : null}
    </>
  );
}
