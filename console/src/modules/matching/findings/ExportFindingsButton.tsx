import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify, usePermissions } from 'react-admin';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

/** 导出比对问题 — the findings of the current filter as XLSX (masked evidence; audited). */
export function ExportFindingsButton() {
  const { permissions } = usePermissions<Permissions>();
  const { filterValues } = useListContext();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const [busy, setBusy] = useState(false);
  if (!hasRight(permissions, 'matching', 'export')) return null;
  const run = async () => {
    setBusy(true);
    try {
      const name = await calls.matchingFindingsExport(filterValues ?? {});
      notify('resources.matching-findings.exported', { messageArgs: { name } });
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="resources.matching-findings.export" onClick={() => void run()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
}
