import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { pick, problemOf } from '../providers/problem';
import { changePassword } from '../providers/session';

/**
 * 登录 — username and password; an initial or reset password is changed here before the
 * first sign-in (the gateway refuses to issue tokens for it).
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mustChange, setMustChange] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    const problem = problemOf(err);
    if (problem?.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
      setMustChange(true);
      setError(null);
      return;
    }
    setError(problem ? pick(problem.message) : translate('ra.auth.sign_in_error'));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mustChange) {
        if (next !== repeat) {
          setError(translate('app.login.password_mismatch'));
          return;
        }
        await changePassword(username, password, next);
        await login({ username, password: next });
      } else {
        await login({ username, password });
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #b71c1c 0%, #8e0000 45%, #f5f5f5 45%)',
      }}
    >
      <Card sx={{ width: 380 }} component="form" onSubmit={submit}>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="h6" component="h1">
              {translate(mustChange ? 'app.login.change_password_title' : 'app.login.title')}
            </Typography>
            <LocalesMenuButton />
          </Box>
          <Typography variant="body2" color="text.secondary">
            {translate(mustChange ? 'app.login.change_password_hint' : 'app.login.subtitle')}
          </Typography>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <TextField
            name="username"
            label={translate('ra.auth.username')}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={mustChange}
            required
            autoFocus
          />
          <TextField
            name="password"
            type="password"
            label={translate(mustChange ? 'app.login.current_password' : 'ra.auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={mustChange}
            required
          />
          {mustChange ? (
            <>
              <TextField
                name="newPassword"
                type="password"
                label={translate('app.login.new_password')}
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
                required
              />
              <TextField
                name="repeatPassword"
                type="password"
                label={translate('app.login.confirm_password')}
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                required
              />
            </>
          ) : null}
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {translate(mustChange ? 'app.login.submit_change' : 'ra.auth.sign_in')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
