import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocation } from 'react-router';
import { MODULES } from '../modules';
import type { ModuleDefinition } from '../modules/types';
import { useCommonCalls } from '../providers/dataProvider';
import { formatCount } from './format';

/** How far a module's view of the registry is behind: x of y registry events applied. */
export interface ViewSync {
  behind: number;
  applied: number;
  total: number;
}

const POLL_MS = 5000;

/** The module whose page a path is (`/matching-runs/…` → matching), if it keeps a registry view. */
function moduleOfPath(pathname: string): ModuleDefinition | undefined {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return MODULES.find(
    (m) =>
      m.registryView &&
      (m.resources.some((r) => r.name === first) ||
        (m.pages ?? []).some((p) => p.path.replace(/^\//, '').split('/')[0] === first)),
  );
}

/**
 * Reads the service's `GET /projection/status` every few seconds while its pages are open:
 * null while the view is up to date (or its status cannot be read), else how far behind.
 */
export function useViewSync(service: string | undefined): ViewSync | null {
  const [sync, setSync] = useState<ViewSync | null>(null);
  const calls = useCommonCalls();
  useEffect(() => {
    setSync(null);
    if (!service) return;
    let stopped = false;
    const read = async () => {
      try {
        const f = await calls.projectionStatus(service);
        if (!stopped)
          setSync(
            f && f.behind > 0
              ? { behind: f.behind, applied: f.appliedPosition, total: f.registryPosition }
              : null,
          );
      } catch {
        if (!stopped) setSync(null);
      }
    };
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [calls, service]);
  return sync;
}

/**
 * 数据同步中 (x / y) — shown above every page of a module whose registry view is behind (after
 * an import, for a minute or so): its lists and statistics may be short, and its runs and
 * rankings wait for the view or are refused. The layout renders it; pages do nothing.
 */
export function ViewSyncNotice() {
  const translate = useTranslate();
  const { pathname } = useLocation();
  const module = moduleOfPath(pathname);
  const sync = useViewSync(module?.resources[0]?.service);
  if (!sync) return null;
  return (
    <Alert severity="info" data-testid="view-sync-notice" sx={{ mt: 1 }}>
      {translate('app.sync.syncing', {
        applied: formatCount(sync.applied),
        total: formatCount(sync.total),
      })}{' '}
      {translate('app.sync.hint')}
    </Alert>
  );
}
