import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useCanAccess, useListContext, useNotify, useResourceContext } from 'react-admin';
import { downloadFile } from '../../providers/http';
import { useNotifyProblem } from '../../providers/problem';
import { SUPPORT } from './support.api';

/**
 * 导出 — the list as the service's XLSX export with the list's current filter (audited by
 * the service). Shown to users with the export right only.
 */
export function ExportButton({
  path,
  fileName,
  query = {},
}: {
  path: string;
  fileName: string;
  query?: Record<string, string>;
}) {
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const { filterValues } = useListContext();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const run = async () => {
    setBusy(true);
    try {
      const q = new URLSearchParams({ ...query, filter: JSON.stringify(filterValues ?? {}) });
      const name = await downloadFile(`${SUPPORT}${path}?${q}`, fileName);
      notify('support.export_done', { type: 'info', messageArgs: { name } });
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="ra.action.export" disabled={busy} onClick={() => void run()}>
      <DownloadIcon />
    </Button>
  );
}
