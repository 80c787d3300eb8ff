import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import MuiButton from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { Button, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { useCalls } from '../../calls';
import { hasRight, isCountyWide, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { lastClosedQuarter } from '../codes';

/**
 * 排名 — rank a closed quarter now instead of waiting for the quarterly job (county-wide users
 * with the approve right). The service computes and publishes it in the one request.
 */
export function RankQuarterButton() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const calls = useCalls();
  const initial = lastClosedQuarter();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(String(initial.year));
  const [quarter, setQuarter] = useState(initial.quarter);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!hasRight(permissions, 'assessment', 'approve') || !isCountyWide(permissions)) return null;
  const t = (k: string) => translate(`assessment.rank.${k}`);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const ranking = await calls.assessmentRankQuarter(Number(year), quarter);
      setOpen(false);
      redirect('show', 'rankings', ranking.id);
    } catch (err) {
      const p = problemOf(err);
      setError(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="assessment.rank.button" onClick={() => setOpen(true)}>
        <LeaderboardIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{t('title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('hint')}</DialogContentText>
          <TextField
            name="year"
            type="number"
            label={t('year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            sx={{ mr: 2, width: 120 }}
          />
          <TextField
            select
            name="quarter"
            label={t('quarter')}
            value={quarter}
            onChange={(e) => setQuarter(Number(e.target.value))}
            sx={{ width: 140 }}
          >
            {[1, 2, 3, 4].map((q) => (
              <MenuItem key={q} value={q}>
                {translate('assessment.quarter_n', { quarter: q })}
              </MenuItem>
            ))}
          </TextField>
          {busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy} onClick={() => void submit()}>
            {t('confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
