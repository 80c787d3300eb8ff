import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, usePermissions, useRedirect } from 'react-admin';
import { hasRight, isCountyWide, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

/**
 * 发起比对 — over one list (from its page) or over every current list (a full run). Only
 * county-level users with the approve right start runs; the run's page shows its progress.
 */
export function StartRunButton({ listId, label }: { listId?: string; label: string }) {
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const [busy, setBusy] = useState(false);
  if (!hasRight(permissions, 'matching', 'approve') || !isCountyWide(permissions)) return null;
  const start = async () => {
    setBusy(true);
    try {
      const run = await calls.matchingRunStart(listId);
      redirect('show', 'matching-runs', run.id);
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={label} onClick={() => void start()} disabled={busy}>
      <PlayArrowIcon />
    </Button>
  );
}
