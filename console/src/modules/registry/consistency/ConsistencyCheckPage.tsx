import { useAreaName } from '../../../common/AreaName';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatDateTime } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { type AreaYear, areaOf } from '../ledger/AreaYearInputs';
import { AreaYearPage } from '../ledger/AreaYearPage';
import type { ConsistencyRun } from './consistency.api';
import { ConsistencyRunView } from './ConsistencyRunView';

/** Starts a check of the area the pickers name; `onStarted` with the new run's id. */
function StartButton({ onStarted }: { onStarted: (id: string) => void }) {
  const translate = useTranslate();
  const calls = useCalls();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const values = useWatch<AreaYear>() as AreaYear;
  const areaCode = areaOf(values);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (!areaCode) return;
    setBusy(true);
    try {
      onStarted(await calls.consistencyCheckStart(areaCode, Number(values.year)));
      notify('consistency_check.started', { type: 'info' });
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ mt: 1 }}>
      <Button
        variant="contained"
        startIcon={<PlaylistAddCheckIcon />}
        disabled={!areaCode || busy}
        onClick={() => void start()}
        data-testid="consistency-start"
      >
        {translate('consistency_check.start')}
      </Button>
      {!areaCode ? (
        <Typography sx={{ mt: 1 }} color="text.secondary">
          {translate('consistency_check.pick_area')}
        </Typography>
      ) : null}
    </Box>
  );
}

/** The latest runs the user may see; one picked is shown below. */
function RecentRuns({
  selected,
  reloadKey,
  onPick,
}: {
  selected: string | null;
  reloadKey: string | null;
  onPick: (id: string) => void;
}) {
  const translate = useTranslate();
  const calls = useCalls();
  const found = useApi(() => calls.consistencyChecksRecent(), [reloadKey]);
  if (found.loading && !found.data) return <Spinner />;
  const runs: ConsistencyRun[] = found.data ?? [];
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="subtitle1">{translate('consistency_check.recent')}</Typography>
      {runs.length === 0 ? (
        <Typography color="text.secondary">{translate('consistency_check.none_yet')}</Typography>
      ) : (
        <List dense data-testid="consistency-recent">
          {runs.map((r) => (
            <ListItemButton key={r.id} selected={r.id === selected} onClick={() => onPick(r.id)}>
              <RecentRunText r={r} />
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}

/**
 * 一户一档核对 — before an inspection, a village's or township's households checked part against
 * part (the registry's members and support's persons, the plan's causes and the registry's,
 * measures and the funds' payments); the run's progress, then its inconsistencies, filtered and
 * exported.
 */
export default function ConsistencyCheckPage() {
  const [runId, setRunId] = useState<string | null>(null);
  // The runs listed again once the one shown has ended (its state and count change).
  const [ended, setEnded] = useState<string | null>(null);
  const onFinished = useCallback(() => setEnded(runId), [runId]);
  return (
    <AreaYearPage
      testId="consistency-check"
      messages="consistency_check"
      after={
        <>
          {runId ? <ConsistencyRunView key={runId} id={runId} onFinished={onFinished} /> : null}
          <RecentRuns selected={runId} reloadKey={`${runId}:${ended}`} onPick={setRunId} />
        </>
      }
    >
      <StartButton onStarted={setRunId} />
    </AreaYearPage>
  );
}

/** A recent run: its area by name, year, when and by whom; its state and what it found. */
function RecentRunText({ r }: { r: ConsistencyRun }) {
  const translate = useTranslate();
  const area = useAreaName(r.areaCode);
  return (
    <ListItemText
      primary={translate('consistency_check.run_title', {
        area,
        year: r.year,
        at: formatDateTime(r.requestedAt),
        by: r.requestedByName,
      })}
      secondary={`${translate(`enums.ConsistencyRunState.${r.state}`)} · ${translate(
        'consistency_check.found',
        { count: r.inconsistencies },
      )}`}
    />
  );
}
