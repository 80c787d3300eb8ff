import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useNotify, usePermissions, useTranslate } from 'react-admin';
import { hasRight, type Permissions } from '../providers/permissions';
import { useNotifyProblem } from '../providers/problem';
import type { Module, Right } from '../providers/session';

export interface DownloadButtonProps {
  /** Shown to users with this right (the service checks it again and audits the export). */
  needs: { module: Module; right: Right };
  /** The button's label (a message key). */
  label: string;
  /** Downloads the file with the session's token; answers the file's name. */
  download: () => Promise<string>;
  variant?: 'text' | 'outlined';
  /** `small` in a list's toolbar, beside react-admin's own buttons. */
  size?: 'small' | 'medium';
  testId?: string;
}

/**
 * 导出 outside a list (a page's figures, one household's record): downloads the service's file
 * at once, says its name when done and the service's problem when refused. A list's records go
 * through ExportButton, which also asks for a reason and offers personal data in clear.
 */
export function DownloadButton({
  needs,
  label,
  download,
  variant = 'text',
  size = 'medium',
  testId,
}: DownloadButtonProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const { permissions } = usePermissions<Permissions>();
  const [busy, setBusy] = useState(false);
  if (!hasRight(permissions, needs.module, needs.right)) return null;
  const run = async () => {
    setBusy(true);
    try {
      const name = await download();
      notify('app.export.done', { type: 'success', messageArgs: { name } });
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant={variant}
      size={size}
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={() => void run()}
      data-testid={testId}
    >
      {translate(label)}
    </Button>
  );
}
