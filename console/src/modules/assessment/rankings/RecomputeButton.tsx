import RefreshIcon from '@mui/icons-material/Refresh';
import LinearProgress from '@mui/material/LinearProgress';
import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { Button, usePermissions, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useCalls } from '../../calls';
import { hasRight, isCountyWide, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import type { Ranking } from '../codes';

/**
 * 重新计算 — publish the next version of a ranked quarter, taking in late events, with the
 * reason; the versions published before stay as they were.
 */
export function RecomputeButton() {
  const translate = useTranslate();
  const ranking = useRecordContext<Ranking>();
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const calls = useCalls();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (
    !ranking ||
    ranking.supersededBy ||
    !hasRight(permissions, 'assessment', 'approve') ||
    !isCountyWide(permissions)
  )
    return null;
  const run = async (reason: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await calls.assessmentRecompute(ranking.year, ranking.quarter, reason);
      setOpen(false);
      redirect('show', 'rankings', next.id);
    } catch (err) {
      const p = problemOf(err);
      setError(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="assessment.recompute.button" onClick={() => setOpen(true)}>
        <RefreshIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('assessment.recompute.title')}
        hint={translate('assessment.recompute.hint', { count: ranking.lateEvents.count ?? 0 })}
        reasonLabel={translate('app.common.reason')}
        confirmLabel={translate('assessment.recompute.confirm')}
        busy={busy}
        onCancel={() => setOpen(false)}
        onConfirm={(reason) => void run(reason)}
      >
        {busy ? <LinearProgress sx={{ mb: 2 }} /> : null}
        {error ? (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        ) : null}
      </ReasonDialog>
    </>
  );
}
