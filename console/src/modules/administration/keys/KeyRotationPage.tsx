import KeyIcon from '@mui/icons-material/Key';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { JobProgress } from '../../../common/JobProgress';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { type HeldKeys, type KeyResealStatus, SEALED_SERVICES } from './key-rotation.api';

const POLL_MS = 1500;
const STEPS = ['generate', 'hold', 'current', 'reseal', 'check', 'drop'];
const COLUMNS = ['service', 'encryption', 'hmac', 'old_values', 'run', 'actions'];
const STATES = ['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'];

type Run = NonNullable<KeyResealStatus['run']>;

/** Whether the run is still to end (waiting, running or retrying): the row is asked again. */
const running = (run: Run | null) => !!run && run.state !== 'completed' && run.state !== 'failed';

/** A key's ids: the current one, and the previous ones the service still opens with. */
function KeyIds({ keys, testId }: { keys: HeldKeys; testId: string }) {
  const translate = useTranslate();
  return (
    <Box data-testid={testId}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {translate('keyRotation.current', { id: keys.current })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {keys.previous.length
          ? translate('keyRotation.previous', { ids: keys.previous.join('、') })
          : translate('keyRotation.no_previous')}
      </Typography>
    </Box>
  );
}

/** The values still on an old key: their total, and each collection's. */
function OldValues({ status }: { status: KeyResealStatus }) {
  const translate = useTranslate();
  const total = status.collections.reduce((n, c) => n + c.valuesOnOldKeys, 0);
  return (
    <Box>
      <Typography
        variant="body1"
        color={total ? 'warning.main' : 'success.main'}
        sx={{ fontWeight: 500 }}
        data-testid="key-rotation-old-total"
      >
        {translate('keyRotation.old_total', { count: total.toLocaleString('en-US') })}
      </Typography>
      {status.collections.map((c) => (
        <Typography key={c.collection} variant="caption" color="text.secondary" component="div">
          {translate(`keyRotation.collections.${c.collection}`, { _: c.collection })}：
          {c.valuesOnOldKeys.toLocaleString('en-US')}
        </Typography>
      ))}
    </Box>
  );
}

/** The latest run: its state, its progress over the documents walked, and what it skipped. */
function LatestRun({ run }: { run: Run | null }) {
  const translate = useTranslate();
  if (!run)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('keyRotation.no_run')}
      </Typography>
    );
  const collections = run.progress.collections;
  const done = collections.reduce((n, c) => n + c.done, 0);
  const total = collections.length ? collections.reduce((n, c) => n + c.total, 0) : null;
  const skipped = collections.reduce((n, c) => n + c.skipped, 0);
  const state = STATES.includes(run.state) ? run.state : 'unknown';
  return (
    <Box sx={{ minWidth: 220 }}>
      <Typography variant="body2" data-testid="key-rotation-run-state">
        {translate('keyRotation.run_state', {
          state: translate(`keyRotation.state.${state}`),
        })}
      </Typography>
      <JobProgress done={done} total={total} status={run.state} unit="records" />
      {skipped && run.state === 'completed' ? (
        <Alert severity="warning">{translate('keyRotation.skipped', { count: skipped })}</Alert>
      ) : null}
      {run.state === 'failed' ? (
        <Alert severity="error">
          {translate('keyRotation.failed', { reason: run.failedReason ?? '' })}
        </Alert>
      ) : null}
    </Box>
  );
}

/** 开始重新加密 on one service: the dialog says what it does; the row is read again after. */
function StartButton({ service, onStarted }: { service: string; onStarted: () => void }) {
  const translate = useTranslate();
  const calls = useCalls();
  const name = translate(`enums.Service.${service}`);
  return (
    <FormDialogButton
      label="keyRotation.start.button"
      title="keyRotation.start.title"
      titleArgs={{ service: name }}
      icon={<KeyIcon />}
      hint={translate('keyRotation.start.hint', { service: name })}
      submitLabel="keyRotation.start.confirm"
      submitIcon={<KeyIcon />}
      done="keyRotation.start.done"
      variant="outlined"
      maxWidth="sm"
      alwaysEnable
      onSubmit={async () => {
        await calls.keyResealStart(service);
        onStarted();
      }}
    >
      {null}
    </FormDialogButton>
  );
}

/** One service's row: its keys, the values left on old keys, its latest run and its start. */
function ServiceRow({ service }: { service: string }) {
  const translate = useTranslate();
  const calls = useCalls();
  const [starts, setStarts] = useState(0);
  const found = useApi(() => calls.keyResealStatus(service), [service, starts], {
    everyMs: POLL_MS,
    while: (s) => running(s.run),
  });
  const status = found.data;
  const problem = found.error ? problemOf(found.error) : null;
  return (
    <TableRow data-testid={`key-rotation-${service}`} sx={{ verticalAlign: 'top' }}>
      <TableCell>
        <Typography variant="subtitle2">{translate(`enums.Service.${service}`)}</Typography>
      </TableCell>
      {status ? (
        <>
          <TableCell>
            <KeyIds keys={status.keys.encryption} testId="key-rotation-encryption" />
          </TableCell>
          <TableCell>
            <KeyIds keys={status.keys.hmac} testId="key-rotation-hmac" />
          </TableCell>
          <TableCell>
            <OldValues status={status} />
          </TableCell>
          <TableCell>
            <LatestRun run={status.run} />
          </TableCell>
        </>
      ) : (
        <TableCell colSpan={4}>
          {found.error ? (
            <Alert severity="error">
              {problem ? pick(problem.message) : translate('keyRotation.load_failed')}
            </Alert>
          ) : (
            <Spinner />
          )}
        </TableCell>
      )}
      <TableCell>
        {status && !running(status.run) ? (
          <StartButton service={service} onStarted={() => setStarts((n) => n + 1)} />
        ) : null}
      </TableCell>
    </TableRow>
  );
}

/** The runbook's steps in short, above the services. */
function Steps() {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="key-rotation-steps">
      <AlertTitle>{translate('keyRotation.hint_title')}</AlertTitle>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {STEPS.map((s) => (
          <li key={s}>{translate(`keyRotation.steps.${s}`)}</li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * 密钥轮换 — for the administrator: of each service that keeps sealed personal data, the ids of
 * the encryption and HMAC keys it holds (never a key), the values still on an old key, and its
 * latest reseal, which is started here (POST /keys/reseal through the gateway, audited) and
 * followed while it runs. The runbook (docs/key-rotation.md) in short above.
 */
export default function KeyRotationPage() {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="keyRotation.name" />
      <CardContent>
        <Steps />
        <Table size="small" data-testid="key-rotation-services">
          <TableHead>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableCell key={c}>{translate(`keyRotation.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {SEALED_SERVICES.map((s) => (
              <ServiceRow key={s} service={s} />
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
