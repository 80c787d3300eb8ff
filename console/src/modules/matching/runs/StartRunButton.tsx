import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, usePermissions, useRedirect } from 'react-admin';
import { httpClient } from '../../../providers/http';
import { hasRight, isCountyWide, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';

/**
 * 发起比对 — over one list (from its page) or over every current list (a full run). Only
 * county-level users with the approve right start runs; the run's page shows its progress.
 */
export function StartRunButton({ listId, label }: { listId?: string; label: string }) {
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  if (!hasRight(permissions, 'matching', 'approve') || !isCountyWide(permissions)) return null;
  const start = async () => {
    setBusy(true);
    try {
      const { json } = await httpClient('/api/matching/runs', {
        method: 'POST',
        body: JSON.stringify(listId ? { listId } : {}),
      });
      redirect('show', 'matching-runs', (json as { id: string }).id);
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
