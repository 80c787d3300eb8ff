import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, formatDay } from '../../../common/format';
import { SectionHeading } from '../../../common/SectionHeading';
import type { DepartmentList } from '../matching.api';

/** Whether the list's rows were deleted at the end of the retention period. */
export const rowsDeleted = (l: DepartmentList | undefined) => Boolean(l?.rowsDeletedAt);

/**
 * 保留期限 — when the list's rows not behind an open finding are deleted, or that they were
 * (with the rows kept and deleted).
 */
export function ListRetention() {
  const translate = useTranslate();
  const list = useRecordContext<DepartmentList>();
  if (!list || list.status !== 'ready') return null;
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`resources.department-lists.retention.${key}`, options);
  return (
    <Box data-testid="list-retention">
      <SectionHeading label="resources.department-lists.retention.heading" />
      {list.rowsDeletedAt ? (
        <Alert severity="warning">
          {t('deleted', {
            at: formatDateTime(list.rowsDeletedAt),
            kept: list.rowsKept ?? 0,
            deleted: list.rowsDeleted ?? 0,
          })}
        </Alert>
      ) : list.rowsDeleteOn ? (
        <Alert severity="info">{t('due', { day: formatDay(list.rowsDeleteOn) })}</Alert>
      ) : (
        <Alert severity="info">{t('none')}</Alert>
      )}
    </Box>
  );
}
