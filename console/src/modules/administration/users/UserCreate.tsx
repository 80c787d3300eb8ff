import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
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
import { UserInputs } from './UserInputs';

/** The one-time initial password of a new user or a reset, shown once to the administrator. */
export function InitialPasswordDialog(props: {
  username: string;
  password: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  return (
    <Dialog open onClose={props.onClose}>
      <DialogTitle>{translate('resources.users.initial_password_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('resources.users.initial_password_hint', { username: props.username })}
        </Alert>
        <Typography variant="h5" sx={{ fontFamily: 'monospace' }} data-testid="initial-password">
          {props.password}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
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
        <InitialPasswordDialog
          username={created.username}
          password={created.initialPassword}
          onClose={() => {
            setCreated(null);
            redirect('show', 'users', created.id);
          }}
        />
      ) : null}
    </>
  );
}
